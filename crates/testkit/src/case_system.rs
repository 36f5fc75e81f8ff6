//! A case system (fagsystem) as an outside program would write it: it knows the base URL, its key
//! and what `/api/openapi.json` says, and finds every operation by its operationId.

use reqwest::{Method, StatusCode};
use serde_json::Value;

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
        Reply { status, content_type, json, bytes }
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
