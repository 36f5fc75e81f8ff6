//! `GET /api/v1/soknader/{id}/meldinger`: the conversation between the person and the office on an
//! application, for the municipality's case system, which keeps the whole case record. New
//! messages also appear in the change feed as `melding.skrevet`.

use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};
use velferd_formats::soknad::tidspunkt;
use velferd_store::Outcome;

use super::{audit, check_application, ApiError, Client};
use crate::AppState;

pub async fn messages(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    check_application(&app, &client, &id, "read-messages").await?;
    let all = app.store.messages(&id).await?;
    audit(&app, &client, "read-messages", Some(&id), Outcome::Permit).await?;
    let items: Vec<Value> = all
        .iter()
        .map(|m| {
            let mut item = json!({
                "nr": m.seq,
                "fra": if m.from_office { "kontor" } else { "soker" },
                "navn": m.author_name,
                "enhetsnummer": m.enhetsnummer,
                "tekst": m.body,
                "akutt": m.emergency,
                "tidspunkt": tidspunkt(m.created_ms),
            });
            if m.author.starts_with("fullmektig:") {
                item["fullmektig"] = json!(true);
            }
            if let Some(a) = &m.attachment {
                item["vedlegg"] = json!({
                    "sha256": a.sha256,
                    "sider": a.pages,
                    "filnavn": a.file_names,
                    "href": format!("/api/v1/soknader/{id}/filer/{}", a.sha256),
                });
            }
            item
        })
        .collect();
    Ok(Json(json!({"meldinger": items})))
}
