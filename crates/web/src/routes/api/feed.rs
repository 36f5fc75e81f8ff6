//! `GET /api/v1/hendelser`: the municipality's change feed. A case system polls it with the number
//! of the last change it handled (`etter`) and gets what came after, oldest first. Delivery is
//! at-least-once: a client that crashes before saving its cursor sees the same changes again and
//! drops repeats by `id`. Nothing is ever skipped (see velferd_store's feed module for why).

use axum::extract::{Query, State};
use axum::Json;
use serde_json::{json, Value};
use velferd_formats::soknad::tidspunkt;
use velferd_store::Outcome;

use super::{audit, page_size, ApiError, Client, Paging};
use crate::AppState;

pub async fn changes(State(app): State<AppState>, Client(client): Client, Query(q): Query<Paging>) -> Result<Json<Value>, ApiError> {
    let limit = page_size(q.antall.as_deref())?;
    let after = match q.etter.as_deref() {
        None | Some("") => 0,
        Some(raw) => {
            raw.parse::<i64>().ok().filter(|n| *n >= 0).ok_or(ApiError::BadRequest("bad_cursor", "etter must be the nr of a change (or neste from a previous answer)".into()))?
        }
    };
    let items = app.store.feed(&client, after, limit).await?;
    audit(&app, &client, "read-changes", None, Outcome::Permit).await?;
    let next = items.last().map_or(after, |i| i.seq);
    let changes: Vec<Value> = items
        .iter()
        .map(|i| {
            let base = format!("/api/v1/soknader/{}", i.application_id);
            let href = match (i.kind.as_str(), i.item_id.as_deref()) {
                ("ettersendelse.mottatt", Some(item)) => format!("{base}/ettersendelser/{item}"),
                ("melding.skrevet", _) => format!("{base}/meldinger"),
                _ => base,
            };
            let mut change = json!({
                "id": i.id,
                "nr": i.seq,
                "type": i.kind,
                "tidspunkt": tidspunkt(i.at_ms),
                "soknad": i.application_id,
                "href": href,
            });
            match (i.kind.as_str(), &i.item_id) {
                ("ettersendelse.mottatt", Some(item)) => change["ettersendelse"] = json!(item),
                ("brev.lest", Some(item)) => change["brev"] = json!(item),
                ("melding.skrevet", Some(item)) => change["melding"] = json!(item.parse::<i64>().unwrap_or_default()),
                _ => {}
            }
            change
        })
        .collect();
    Ok(Json(json!({"hendelser": changes, "neste": next.to_string()})))
}
