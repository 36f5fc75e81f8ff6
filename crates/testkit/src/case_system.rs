//! A case system (fagsystem) as an outside program would write it: it knows the base URL, its key
//! and what `/api/openapi.json` says, and finds every operation by its operationId. Every answer is
//! checked against the document: its status must be one the operation lists, its content type one
//! that response lists, and a JSON body must be valid against the response's schema — so a test
//! that calls the API also tests the document, for successes and errors alike.

use reqwest::{Method, StatusCode};
use serde_json::Value;

/// Every (operationId, status) whose answer was checked against the document in this process.
static CHECKED: std::sync::Mutex<std::collections::BTreeSet<(String, u16)>> = std::sync::Mutex::new(std::collections::BTreeSet::new());

/// The operations and statuses checked so far in this process.
pub fn checked() -> Vec<(String, u16)> {
    CHECKED.lock().map(|c| c.iter().cloned().collect()).unwrap_or_default()
}

/// An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes a `null` type besides the others.
fn json_schema(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out: serde_json::Map<String, Value> = map.iter().filter(|(k, _)| *k != "nullable").map(|(k, v)| (k.clone(), json_schema(v))).collect();
            if map.get("nullable") == Some(&Value::Bool(true)) {
                if let Some(t) = out.get("type").cloned() {
                    let mut types = match t {
                        Value::Array(ts) => ts,
                        other => vec![other],
                    };
                    types.push(Value::String("null".into()));
                    out.insert("type".into(), Value::Array(types));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(json_schema).collect()),
        other => other.clone(),
    }
}

pub struct CaseSystem {
    pub http: reqwest::Client,
    pub base: String,
    pub key: String,
    pub spec: Value,
}

/// What a call sends as its body.
pub enum Body<'a> {
    None,
    Json(&'a Value),
    Pdf(Vec<u8>),
}

/// An answer: the status, the body as JSON when it is JSON, and the raw bytes.
pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub json: Value,
    pub bytes: Vec<u8>,
}

impl CaseSystem {
    pub async fn connect(base: &str, key: &str) -> CaseSystem {
        let http = reqwest::Client::new();
        let text = http.get(format!("{base}/api/openapi.json")).send().await.expect("openapi.json").text().await.expect("text");
        let spec: Value = serde_json::from_str(&text).expect("openapi.json is JSON");
        assert_eq!(spec["openapi"].as_str().map(|v| &v[..2]), Some("3."), "an OpenAPI 3 document");
        CaseSystem { http, base: base.to_owned(), key: key.to_owned(), spec }
    }

    /// The path template and method of an operation, as the document describes it.
    pub fn operation(&self, operation_id: &str) -> (String, Method) {
        self.spec["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .find_map(|(path, ops)| {
                ops.as_object()?
                    .iter()
                    .find(|(_, op)| op["operationId"] == operation_id)
                    .map(|(m, _)| (path.clone(), Method::from_bytes(m.to_uppercase().as_bytes()).expect("method")))
            })
            .unwrap_or_else(|| panic!("no operation {operation_id} in the OpenAPI document"))
    }

    /// Calls an operation with its path parameters (`{name}` in the template), query and body.
    pub async fn send(&self, operation_id: &str, params: &[(&str, &str)], query: &[(&str, String)], body: Body<'_>) -> Reply {
        let (mut path, method) = self.operation(operation_id);
        for (name, value) in params {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        assert!(!path.contains('{'), "{operation_id}: a path parameter is missing in {path}");
        let mut req = self.http.request(method, format!("{}{path}", self.base)).bearer_auth(&self.key).query(query);
        req = match body {
            Body::None => req,
            Body::Json(v) => req.header("content-type", "application/json").body(v.to_string()),
            Body::Pdf(bytes) => req.header("content-type", "application/pdf").body(bytes),
        };
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let content_type = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let bytes = resp.bytes().await.expect("body").to_vec();
        let json = if content_type.starts_with("application/json") { serde_json::from_slice(&bytes).unwrap_or(Value::Null) } else { Value::Null };
        let reply = Reply { status, content_type, json, bytes };
        self.check(operation_id, &reply);
        reply
    }

    /// The operation's object in the document.
    fn operation_object(&self, operation_id: &str) -> &Value {
        self.spec["paths"]
            .as_object()
            .expect("paths")
            .values()
            .filter_map(Value::as_object)
            .flat_map(|ops| ops.values())
            .find(|op| op["operationId"] == operation_id)
            .unwrap_or_else(|| panic!("no operation {operation_id} in the OpenAPI document"))
    }

    /// Follows a local `$ref` (`#/components/…`) in the document.
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
            Some(pointer) => self.resolve(self.spec.pointer(pointer).unwrap_or_else(|| panic!("the document has no {pointer}"))),
            None => value,
        }
    }

    /// Panics unless the reply is what the document says `operation_id` answers.
    pub fn check(&self, operation_id: &str, reply: &Reply) {
        let code = reply.status.as_u16().to_string();
        let responses = &self.operation_object(operation_id)["responses"];
        let documented = responses.get(&code).or_else(|| responses.get("default")).unwrap_or_else(|| {
            panic!(
                "{operation_id} answered {code}, which openapi.json does not list ({:?}): {}",
                responses.as_object().map(|o| o.keys().collect::<Vec<_>>()),
                String::from_utf8_lossy(&reply.bytes)
            )
        });
        let response = self.resolve(documented);
        let media = reply.content_type.split(';').next().unwrap_or_default().trim();
        match response["content"].as_object().filter(|c| !c.is_empty()) {
            None => assert!(
                reply.bytes.is_empty() || media.is_empty(),
                "{operation_id} {code}: openapi.json lists no body, but the answer has {media}: {}",
                String::from_utf8_lossy(&reply.bytes)
            ),
            Some(content) => {
                let described =
                    content.get(media).unwrap_or_else(|| panic!("{operation_id} {code}: answered {media:?}, openapi.json lists {:?}", content.keys().collect::<Vec<_>>()));
                if media == "application/json" {
                    let schema = described.get("schema").unwrap_or_else(|| panic!("{operation_id} {code}: no schema for its JSON"));
                    let body: Value = serde_json::from_slice(&reply.bytes).unwrap_or_else(|e| panic!("{operation_id} {code}: the body is not JSON ({e})"));
                    let mut root = json_schema(schema);
                    root["components"] = json_schema(&self.spec["components"]);
                    let validator = jsonschema::validator_for(&root).unwrap_or_else(|e| panic!("{operation_id} {code}: the schema in openapi.json does not compile: {e}"));
                    let errors: Vec<String> = validator.iter_errors(&body).map(|e| format!("{}: {e}", e.instance_path())).collect();
                    assert!(errors.is_empty(), "{operation_id} {code}: the answer does not follow openapi.json:\n{}\n{body:#}", errors.join("\n"));
                }
            }
        }
        if let Ok(mut seen) = CHECKED.lock() {
            seen.insert((operation_id.to_owned(), reply.status.as_u16()));
        }
    }

    /// The common case: an operation on one application (`{id}`), answering JSON.
    pub async fn call(&self, operation_id: &str, id: Option<&str>, query: &[(&str, String)], body: Option<&Value>) -> (StatusCode, Value) {
        let params: Vec<(&str, &str)> = id.map(|id| ("id", id)).into_iter().collect();
        let reply = self.send(operation_id, &params, query, body.map_or(Body::None, Body::Json)).await;
        (reply.status, reply.json)
    }

    /// Every application not yet acknowledged, following the cursor page by page.
    pub async fn all_new(&self, page_size: usize) -> Vec<String> {
        let mut ids = Vec::new();
        let mut cursor = String::new();
        loop {
            let mut q = vec![("antall", page_size.to_string())];
            if !cursor.is_empty() {
                q.push(("etter", cursor.clone()));
            }
            let (status, page) = self.call("listNewApplications", None, &q, None).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            ids.extend(page["soknader"].as_array().expect("soknader").iter().map(|s| s["id"].as_str().expect("id").to_owned()));
            match page["neste"].as_str() {
                Some(next) => cursor = next.to_owned(),
                None => return ids,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn system() -> CaseSystem {
        let spec = serde_json::json!({
            "openapi": "3.0.3",
            "paths": {"/x": {"get": {"operationId": "getX", "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}}},
                "404": {"$ref": "#/components/responses/Error"}
            }}}},
            "components": {
                "responses": {"Error": {"description": "e", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
                "schemas": {
                    "X": {"type": "object", "required": ["n", "next"], "properties": {"n": {"type": "integer"}, "next": {"type": "string", "nullable": true}}},
                    "Error": {"type": "object", "required": ["feil"], "properties": {"feil": {"type": "string"}}}
                }
            }
        });
        CaseSystem { http: reqwest::Client::new(), base: String::new(), key: String::new(), spec }
    }

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status: StatusCode::from_u16(status).expect("status"),
            content_type: "application/json".into(),
            json: serde_json::from_str(body).unwrap_or(Value::Null),
            bytes: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn answers_as_documented_pass_with_nullable_and_refs() {
        system().check("getX", &reply(200, r#"{"n": 1, "next": null}"#));
        system().check("getX", &reply(404, r#"{"feil": "not_found"}"#));
    }

    #[test]
    #[should_panic(expected = "does not follow openapi.json")]
    fn a_body_that_breaks_the_schema_fails() {
        system().check("getX", &reply(200, r#"{"n": "one", "next": null}"#));
    }

    #[test]
    #[should_panic(expected = "which openapi.json does not list")]
    fn an_undocumented_status_fails() {
        system().check("getX", &reply(500, r#"{"feil": "internal"}"#));
    }
}
