//! Applications: the list of new ones, one with its documents, acknowledging, and the case
//! system's status document.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use velferd_formats::soknad::tidspunkt;
use velferd_formats::{validate, Kind};
use velferd_store::Outcome;

use super::{audit, page_size, ApiError, Client, Paging};
use crate::{now_ms, AppState};

/// Cursor: the last item's send time and id, opaque to clients.
fn parse_cursor(raw: &str) -> Option<(i64, String)> {
    let (ms, id) = raw.split_once('.')?;
    Some((ms.parse().ok()?, id.to_owned()))
}

/// `GET /api/v1/soknader`: applications not yet acknowledged, oldest first, a page at a time.
pub async fn list(State(app): State<AppState>, Client(client): Client, Query(q): Query<Paging>) -> Result<Json<Value>, ApiError> {
    let limit = page_size(q.antall.as_deref())?;
    let after = match q.etter.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(parse_cursor(raw).ok_or(ApiError::BadRequest("bad_cursor", "etter must be a cursor from a previous page".into()))?),
    };
    let rows = app.store.unacknowledged(&client, after, limit + 1).await?;
    audit(&app, &client, "list-applications", None, Outcome::Permit).await?;
    let more = rows.len() as i64 > limit;
    let page: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next = if more { page.last().map(|(id, _, ms)| format!("{ms}.{id}")) } else { None };
    let items: Vec<Value> =
        page.iter().map(|(id, reference, ms)| json!({"id": id, "referanse": reference, "mottatt": tidspunkt(*ms), "href": format!("/api/v1/soknader/{id}")})).collect();
    Ok(Json(json!({"soknader": items, "neste": next})))
}

/// `GET /api/v1/soknader/{id}`: the application with its soknad.json and vedlegg.json.
pub async fn fetch(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let Some((sent, acknowledged)) = app.store.application_for_client(&client, &id).await? else {
        audit(&app, &client, "read-application", Some(&id), Outcome::Deny).await?;
        return Err(ApiError::NotFound);
    };
    let submissions = app.store.submissions_for_client(&client, &id).await?;
    let letters = app.store.letters_for_client(&client, &id).await?;
    let powers = app.store.powers_for_client(&client, &id).await?;
    audit(&app, &client, "read-application", Some(&id), Outcome::Permit).await?;
    let base = format!("/api/v1/soknader/{id}");
    Ok(Json(json!({
        "id": sent.id,
        "referanse": sent.reference,
        "kommunenummer": sent.kommunenummer.as_str(),
        "mottatt": tidspunkt(sent.sent_ms),
        "kvittert": acknowledged.is_some(),
        "nodhjelp": sent.emergency,
        "soknad": sent.soknad_json,
        "vedlegg": sent.vedlegg_json,
        "filer": std::iter::once(json!({"filnavn": format!("soknad-{}.pdf", sent.reference), "type": "application/pdf", "href": format!("{base}/soknad.pdf")}))
            .chain(submissions.iter().filter(|s| s.with_application).flat_map(|s| s.documents.iter()).map(|d| json!({
                "filnavn": format!("{}-{}.pdf", d.kind, &d.sha256[..8.min(d.sha256.len())]),
                "type": "application/pdf",
                "vedlegg": {"type": d.kind, "tilleggsinfo": d.tilleggsinfo},
                "sha256": d.sha256,
                "storrelse": d.bytes,
                "href": format!("{base}/filer/{}", d.sha256),
            })))
            .collect::<Vec<_>>(),
        "ettersendelser": submissions.iter().filter(|s| !s.with_application).map(|s| json!({
            "id": s.id,
            "mottatt": tidspunkt(s.created_ms),
            "href": format!("{base}/ettersendelser/{}", s.id),
        })).collect::<Vec<_>>(),
        "fullmakter": powers.iter().map(|p| json!({
            "navn": p.helper_name,
            "fodselsnummer": p.helper_fnr,
            "kanSendeDokumenter": p.may_send_documents,
            "kanSkriveMeldinger": p.may_write_messages,
            "gyldigTil": tidspunkt(p.valid_until_ms),
            "trukketTilbake": p.revoked_ms.map(tidspunkt),
        })).collect::<Vec<_>>(),
        "brev": letters.iter().map(|l| json!({
            "id": l.id,
            "tittel": l.title,
            "referanse": {"type": "dokumentlager", "id": l.id},
            "opprettet": tidspunkt(l.created_ms),
            "lest": l.first_opened_ms.map(tidspunkt),
            "href": format!("{base}/filer/{}", l.sha256),
        })).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/soknader/{id}/kvittering`: the case system has the application.
pub async fn acknowledge(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    if app.store.acknowledge(&client, &id, now_ms()).await? {
        audit(&app, &client, "acknowledge", Some(&id), Outcome::Permit).await?;
        Ok(StatusCode::NO_CONTENT)
    } else {
        audit(&app, &client, "acknowledge", Some(&id), Outcome::Deny).await?;
        Err(ApiError::NotFound)
    }
}

/// `PUT /api/v1/soknader/{id}/digisos-soker`: the case system's full status document, replacing the
/// previous one. A document that breaks the schema is refused with its errors and changes nothing.
/// Another municipality's id is refused (and audited) before the document is even read.
pub async fn put_status(State(app): State<AppState>, Client(client): Client, Path(id): Path<String>, body: axum::body::Bytes) -> Result<StatusCode, ApiError> {
    super::check_application(&app, &client, &id, "update-status").await?;
    let doc: Value = serde_json::from_slice(&body).map_err(|e| ApiError::Invalid(vec![json!({"peker": "", "melding": format!("not JSON: {e}")})]))?;
    let errors = validate(Kind::DigisosSoker, &doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors.into_iter().map(|e| json!({"peker": e.pointer, "melding": e.message})).collect()));
    }
    // Its texts reach the citizen's page: none may hold what changes how the page reads.
    if let Some((pointer, c)) = hidden_character_in(&doc, String::new()) {
        return Err(ApiError::Invalid(vec![
            json!({"peker": pointer, "melding": format!("the text has the character U+{:04X} (a control, direction or zero-width character), which is not allowed", c as u32)}),
        ]));
    }
    if let Err(e) = serde_json::from_value::<velferd_formats::soker::DigisosSoker>(doc.clone()) {
        return Err(ApiError::Invalid(vec![json!({"peker": "/hendelser", "melding": e.to_string()})]));
    }
    if app.store.put_external_status(&client, &id, &doc, now_ms()).await? {
        audit(&app, &client, "update-status", Some(&id), Outcome::Permit).await?;
        Ok(StatusCode::NO_CONTENT)
    } else {
        audit(&app, &client, "update-status", Some(&id), Outcome::Deny).await?;
        Err(ApiError::NotFound)
    }
}

/// The JSON pointer of the first string (key or value) in `value` with a character
/// `velferd_domain::text::hidden_character` finds, and that character.
fn hidden_character_in(value: &Value, pointer: String) -> Option<(String, char)> {
    match value {
        Value::String(s) => velferd_domain::text::hidden_character(s).map(|c| (pointer, c)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| hidden_character_in(v, format!("{pointer}/{i}"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let here = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
            velferd_domain::text::hidden_character(k).map(|c| (here.clone(), c)).or_else(|| hidden_character_in(v, here))
        }),
        _ => None,
    }
}
