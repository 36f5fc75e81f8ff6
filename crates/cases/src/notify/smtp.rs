//! E-mail notices over SMTP with `lettre`. `VELFERD_SMTP_URL` says where: `smtp://host:port` (plain,
//! for a relay on the same host or network), `smtp://host:587?tls=required` (STARTTLS) or
//! `smtps://user:password@host:465` (TLS), as lettre's `from_url` reads them.

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::{Deliver, DeliveryError, Outgoing};

/// Sends notices by e-mail from one sender address.
pub struct SmtpMail {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMail {
    /// From a URL as above and the sender (`Velferd <noreply@kommune.no>`). Errors: the URL or
    /// the sender cannot be read.
    pub fn new(url: &str, from: &str) -> Result<SmtpMail, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| format!("VELFERD_SMTP_URL: {e}"))?.build();
        let from = from.parse::<Mailbox>().map_err(|e| format!("VELFERD_MAIL_FROM: {e}"))?;
        Ok(SmtpMail { transport, from })
    }
}

impl Deliver for SmtpMail {
    fn deliver<'a>(&'a self, notice: &'a Outgoing) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), DeliveryError>> + Send + 'a>> {
        Box::pin(async move {
            let to = notice.to.parse::<Mailbox>().map_err(|_| DeliveryError::Refused("the stored e-mail address cannot be read".into()))?;
            let domain = self.from.email.domain().to_owned();
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(&notice.subject)
                .message_id(Some(format!("<{}@{domain}>", notice.key.replace(':', "."))))
                .header(ContentType::TEXT_PLAIN)
                .body(notice.text.clone())
                .map_err(|e| DeliveryError::Refused(format!("the e-mail could not be built: {e}")))?;
            self.transport.send(message).await.map(|_| ()).map_err(|e| DeliveryError::Refused(format!("the mail server did not take the e-mail: {e}")))
        })
    }
}
