//! SMS notices. No SMS gateway is standard across municipalities, so the default writes each SMS as
//! one JSON line to a file (`VELFERD_SMS_FILE`, default `sms-outbox.jsonl` beside the database),
//! which an operator's script or a gateway's file import can pick up. A real gateway implements
//! [`super::Deliver`].

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use super::{Deliver, DeliveryError, Outgoing};

/// Appends SMS as JSON lines (`{"key":…,"to":"+47…","text":…}`) to a file.
pub struct SmsFile {
    path: PathBuf,
    lock: Mutex<()>,
}

impl SmsFile {
    pub fn new(path: PathBuf) -> SmsFile {
        SmsFile { path, lock: Mutex::new(()) }
    }
}

impl Deliver for SmsFile {
    fn deliver<'a>(&'a self, notice: &'a Outgoing) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), DeliveryError>> + Send + 'a>> {
        Box::pin(async move {
            let line = serde_json::json!({"key": notice.key, "to": notice.to, "text": notice.text}).to_string();
            let _guard = self.lock.lock().map_err(|_| DeliveryError::Refused("the SMS file is in use by a failed writer".into()))?;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .map_err(|e| DeliveryError::Refused(format!("the SMS file cannot be opened: {}", e.kind())))?;
            writeln!(file, "{line}").and_then(|_| file.sync_data()).map_err(|e| DeliveryError::Refused(format!("the SMS file cannot be written: {}", e.kind())))
        })
    }
}
