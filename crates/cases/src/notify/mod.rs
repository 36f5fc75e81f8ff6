//! Delivering notices (rules in [`velferd_domain::notices`], outbox in the store): a worker claims due
//! notices, writes each one's text in the person's language — only that there is something to read,
//! never what — and hands it to the e-mail or SMS channel. The channels are traits, so a municipality
//! plugs in its SMS gateway; by default e-mail goes over SMTP ([`smtp::SmtpMail`]) and SMS is written
//! to a file ([`sms::SmsFile`]), the seam for a real gateway.
//!
//! Also here: notices that come from time passing rather than an action — a document deadline two
//! days ahead ([`Notifier::notice_deadlines`]) and a meeting tomorrow ([`Notifier::notice_meetings`]).

pub mod sms;
pub mod smtp;

use std::sync::Arc;

use velferd_domain::notices::{Channel, NoticeKind};
use velferd_domain::Millis;
use velferd_store::{DueNotice, Store};

use crate::Words;

/// A notice as it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The notice's random id, unique for ever: the e-mail's Message-ID, so a receiver can tell a repeat. Says nothing about the case.
    pub key: String,
    /// An e-mail address or a phone number (`+47…`).
    pub to: String,
    /// For e-mail.
    pub subject: String,
    pub text: String,
}

/// Why a delivery did not happen. `Refused` means nothing was handed over and trying again later
/// may work; the text is for the operator's log and never holds the address or the content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    #[error("refused: {0}")]
    Refused(String),
}

/// One way of reaching people.
pub trait Deliver: Send + Sync {
    fn deliver<'a>(&'a self, notice: &'a Outgoing) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), DeliveryError>> + Send + 'a>>;
}

/// The texts of notices, in a language: the web layer's Fluent texts.
pub type WordsFor = Arc<dyn Fn(&str) -> Box<dyn Words> + Send + Sync>;

/// The delivery worker's parts.
#[derive(Clone)]
pub struct Notifier {
    pub store: Store,
    /// `None`: e-mail is not configured; e-mail notices wait (and are tried again) until it is.
    pub email: Option<Arc<dyn Deliver>>,
    pub sms: Arc<dyn Deliver>,
    pub words: WordsFor,
    /// The offices' names, for a callback's SMS.
    pub kommuner: velferd_domain::kommune::Katalog,
    /// This process's name in leases (unique per process).
    pub worker: String,
}

/// The text of a notice of `kind` in `words`' language: what there is to read and where to log in
/// — or, `plain`, for a person without electronic ID, to call or visit the office (no link, no
/// log-in: issue 17).
pub fn text(words: &dyn Words, kind: NoticeKind, plain: bool) -> (String, String) {
    let subject = words.t("notice-subject", &[]);
    let body = format!("{}\n\n{}", words.t(kind.text_key(), &[]), words.t(if plain { "notice-plain" } else { "notice-log-in" }, &[]));
    (subject, body)
}

/// The text of a callback's SMS in `words`' language: the office (or "your NAV office" when not
/// in the catalogue), the day and the window in Norwegian time (`dd.mm.yyyy`, `HH.MM`; `HH:MM` in
/// English). No link and nothing about the case.
pub fn callback_sms(words: &dyn Words, office: Option<&str>, start: Millis, end: Millis) -> String {
    let (from, to) = (velferd_domain::dates::oslo_time(start), velferd_domain::dates::oslo_time(end));
    let sep = if words.code() == "en" { ':' } else { '.' };
    let clock = |t: time::OffsetDateTime| format!("{:02}{sep}{:02}", t.hour(), t.minute());
    let office = office.map_or_else(|| words.t("notice-tilbakeringing-kontoret", &[]), str::to_owned);
    let date = format!("{:02}.{:02}.{}", from.day(), u8::from(from.month()), from.year());
    words.t("notice-tilbakeringing", &[("office", office), ("date", date), ("from", clock(from)), ("to", clock(to))])
}

impl Notifier {
    /// Sends what is due now, at most `batch`; returns (sent, refused).
    pub async fn run_once(&self, batch: i64, now: Millis) -> velferd_store::Result<(usize, usize)> {
        let due = self.store.claim_notices(&self.worker, batch, now).await?;
        let (mut sent, mut refused) = (0, 0);
        for notice in due {
            match self.deliver(&notice).await {
                Ok(()) => {
                    self.store.notice_sent(&notice.id, &self.worker, now).await?;
                    sent += 1;
                }
                Err(DeliveryError::Refused(why)) => {
                    tracing::warn!(notice = %notice.key, attempt = notice.attempt, error = %why, "a notice was not delivered; it will be tried again");
                    self.store.notice_failed(&notice, &self.worker, &why, now).await?;
                    refused += 1;
                }
            }
        }
        Ok((sent, refused))
    }

    async fn deliver(&self, notice: &DueNotice) -> Result<(), DeliveryError> {
        let words = (self.words)(&notice.language);
        let (subject, text) = match notice.kind {
            NoticeKind::Callback => self.callback_text(notice, words.as_ref()).await?,
            kind => text(words.as_ref(), kind, notice.plain),
        };
        let outgoing = Outgoing { key: notice.id.clone(), to: notice.address.clone(), subject, text };
        match notice.channel {
            Channel::Sms => self.sms.deliver(&outgoing).await,
            Channel::Email => match &self.email {
                Some(email) => email.deliver(&outgoing).await,
                None => Err(DeliveryError::Refused("no e-mail server is configured (VELFERD_SMTP_URL)".into())),
            },
        }
    }

    /// A callback's SMS: "NAV Frogner will call you on 02.12.2026 between 10:00 and 12:00." The
    /// callback is named in the notice's key (`<application>:tilbakeringing:<callback>:sms`).
    async fn callback_text(&self, notice: &DueNotice, words: &dyn Words) -> Result<(String, String), DeliveryError> {
        let id = notice.key.split(':').nth(2).unwrap_or_default();
        let window = self.store.callback_window(id).await.map_err(|e| DeliveryError::Refused(format!("reading the callback: {e}")))?;
        let Some((office, start, end)) = window else { return Err(DeliveryError::Refused("the callback is gone".into())) };
        Ok((words.t("notice-subject", &[]), callback_sms(words, self.kommuner.kontor(&office).map(|k| k.navn.as_str()), start, end)))
    }

    /// Writes a notice for every open document request whose deadline is within the next two days
    /// (once per request and deadline). Returns how many were written.
    pub async fn notice_deadlines(&self, now: Millis) -> velferd_store::Result<usize> {
        const TWO_DAYS: Millis = 2 * 24 * 3600 * 1000;
        let mut written = 0;
        for (application_id, deadline_ms) in self.store.deadlines_between(now, now + TWO_DAYS).await? {
            written += self.store.enqueue_notice(&application_id, NoticeKind::DeadlineSoon, &format!("frist:{deadline_ms}"), now).await?;
        }
        Ok(written)
    }

    /// Writes a reminder for every booked meeting whose reminder time (noon the day before, see
    /// `velferd_domain::meetings::reminder_at`) has come and that has not started. Once per meeting
    /// and start time, so a moved meeting is reminded of again.
    pub async fn notice_meetings(&self, now: Millis) -> velferd_store::Result<usize> {
        const TWO_DAYS: Millis = 2 * 24 * 3600 * 1000;
        let mut written = 0;
        for m in self.store.meetings_starting(now, now + TWO_DAYS).await? {
            if velferd_domain::meetings::reminder_at(m.start_ms) <= now {
                written += self.store.enqueue_notice(&m.application_id, NoticeKind::MeetingTomorrow, &format!("mote-paminnelse:{}:{}", m.id, m.start_ms), now).await?;
            }
        }
        Ok(written)
    }

    /// Runs for as long as the server does: every few seconds sends what is due, every five
    /// minutes looks for meetings to remind of, and every hour for deadlines coming up.
    pub fn spawn(self) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(3));
            let mut last_deadline_scan: Millis = 0;
            let mut last_meeting_scan: Millis = 0;
            loop {
                tick.tick().await;
                let now = now_ms();
                if now - last_meeting_scan >= 5 * 60 * 1000 {
                    last_meeting_scan = now;
                    if let Err(e) = self.notice_meetings(now).await {
                        tracing::warn!(error = %e, "could not look for meetings to remind of");
                    }
                }
                if now - last_deadline_scan >= 3600 * 1000 {
                    last_deadline_scan = now;
                    if let Err(e) = self.notice_deadlines(now).await {
                        tracing::warn!(error = %e, "could not look for deadlines coming up");
                    }
                }
                if let Err(e) = self.run_once(50, now).await {
                    tracing::warn!(error = %e, "could not deliver notices");
                }
            }
        });
    }
}

fn now_ms() -> Millis {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as Millis)
}

#[cfg(test)]
mod plain_tests {
    struct Keys;
    impl crate::Words for Keys {
        fn t(&self, key: &str, _: &[(&'static str, String)]) -> String {
            key.to_owned()
        }
        fn try_t(&self, _: &str) -> Option<String> {
            None
        }
        fn code(&self) -> &'static str {
            "nb"
        }
    }

    #[test]
    fn a_plain_notice_says_to_call_or_visit_and_never_to_log_in() {
        let (_, plain) = super::text(&Keys, velferd_domain::notices::NoticeKind::Decision, true);
        assert!(plain.contains("notice-plain") && !plain.contains("notice-log-in"));
        let (_, usual) = super::text(&Keys, velferd_domain::notices::NoticeKind::Decision, false);
        assert!(usual.contains("notice-log-in"));
    }
}
