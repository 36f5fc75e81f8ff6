//! Notifications as a person meets them, on both databases: before choosing, an answer from the
//! office becomes an SMS to the number in the application; Kari chooses e-mail too on `/varsler`
//! (a bad address is refused next to the field, what she typed kept); the next answer reaches a
//! real SMTP server (aiosmtpd) and the SMS file — in her language, and without her name, the case
//! reference or the message's words.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use reqwest::StatusCode;
use velferd_cases::notify::sms::SmsFile;
use velferd_cases::notify::smtp::SmtpMail;
use velferd_testkit::smtp::SmtpServer;
use velferd_testkit::{Browser, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    b.post("/ansatt/demo", &[("ansatt", key)]).await;
    b
}

async fn apply(app: &TestApp, name: &str, lang: &str) -> (String, String, Browser) {
    let mut b = app.browser(lang);
    b.sign_in(name).await;
    let draft = b.start("0301").await;
    for (step, fields) in STEPS {
        b.step(&draft, step, fields).await;
    }
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let receipt = sent.location.expect("receipt");
    let id = receipt.rsplit('/').next().unwrap().to_owned();
    let page = b.get(&receipt).await;
    let reference = regex_lite::Regex::new(r"VF-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap().find(&page.body).unwrap().as_str().to_owned();
    (id, reference, b)
}

async fn answer(sara: &mut Browser, id: &str, text: &str) {
    let page = sara.get(&format!("/ansatt/saker/{id}/meldinger")).await;
    let token = page.input_value("skjema").unwrap();
    let done = sara.post(&format!("/ansatt/saker/{id}/meldinger"), &[("melding", text), ("skjema", &token)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
}

#[tokio::test]
async fn kari_is_told_there_is_news_and_nothing_else() {
    let Some(smtp) = SmtpServer::start() else { return };
    for app in TestApp::all().await {
        let label = app.db.label;
        let sms_path = std::env::temp_dir().join(format!("velferd-sms-{}-{label}.jsonl", std::process::id()));
        let _ = std::fs::remove_file(&sms_path);
        let mail = SmtpMail::new(&smtp.url, "Velferd <ikke-svar@velferd.test>").unwrap();
        let notifier =
            velferd_web::notifier(app.store.clone(), Some(Arc::new(mail)), Arc::new(SmsFile::new(sms_path.clone())), velferd_web::default_kommuner(), format!("test-{label}"));
        let (id, reference, mut kari) = apply(&app, "Kari", "en").await;
        let mut sara = staff(&app, "sara").await;

        // Before she chooses: SMS to the number in her application.
        let page = kari.get("/varsler").await;
        assert!(page.body.contains("the mobile number you gave in your application"), "{label}");
        assert_eq!(page.input_value("mobil").as_deref(), Some("+47 912 34 567"));
        answer(&mut sara, &id, "Hei Kari, vi har sett på husleien din.").await;
        let now = i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis()).unwrap();
        assert_eq!(notifier.run_once(10, now).await.unwrap(), (1, 0), "{label}");
        let sms = std::fs::read_to_string(&sms_path).unwrap();
        assert!(sms.contains("+4791234567") && sms.contains("You have a new message from your welfare office."), "{label}: {sms}");

        // A bad address is refused next to its field, with everything typed kept.
        let refused = kari.post("/varsler", &[("epost", "kari@nordmann"), ("epost_pa", "ja"), ("sms", "ja"), ("mobil", "912 34 567"), ("varsel", "ny-melding")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(refused.field_error("epost").unwrap().contains("name@example.com"), "{label}");
        assert_eq!(refused.input_value("epost").as_deref(), Some("kari@nordmann"));
        let saved = kari.post("/varsler", &[("epost", "kari@example.no"), ("epost_pa", "ja"), ("sms", "ja"), ("mobil", "912 34 567"), ("varsel", "ny-melding")]).await;
        assert_eq!(saved.location.as_deref(), Some("/varsler?lagret=ja"), "{label}");
        assert!(kari.get("/varsler?lagret=ja").await.body.contains("Your choices have been saved."));

        let before = smtp.messages().len();
        answer(&mut sara, &id, "Vi trenger kontoutskriften din for november.").await;
        assert_eq!(notifier.run_once(10, now + 1000).await.unwrap(), (2, 0), "{label}: e-mail and SMS");
        let mails = smtp.messages();
        assert_eq!(mails.len(), before + 1, "{label}: the mail reached the SMTP server");
        let mail = mails.last().unwrap();
        assert!(mail.contains("To: kari@example.no"), "{label}: {mail}");
        assert!(mail.contains("Subject: News from your welfare office"), "{label}: in the language she applied in");
        assert!(mail.contains("You have a new message from your welfare office."), "{label}");
        for secret in ["Kari", "Nordmann", "kontoutskrift", reference.as_str(), id.as_str()] {
            assert!(!mail.contains(secret), "{label}: the e-mail must not contain {secret:?}: {mail}");
        }
        let sms = std::fs::read_to_string(&sms_path).unwrap();
        assert!(!sms.contains("Kari") && !sms.contains(&reference), "{label}");
        // A request for documents is made known even with every notice turned off.
        let off = kari.post("/varsler", &[("epost", "kari@example.no"), ("mobil", "912 34 567")]).await;
        assert_eq!(off.status, StatusCode::SEE_OTHER, "{label}");
        let case = sara.get(&format!("/ansatt/saker/{id}")).await;
        let version = case.input_value("versjon").unwrap();
        let (deadline, _) = {
            let t = time::OffsetDateTime::now_utc() + time::Duration::days(8);
            (format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()), ())
        };
        let asked = sara
            .post(
                &format!("/ansatt/saker/{id}/handling"),
                &[("versjon", &version), ("handling", "etterspor"), ("dokumenter", "kontooversikt.brukskonto"), ("frist", &deadline), ("sprak", "nb")],
            )
            .await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{label}: {}", asked.body);
        let notices = app.store.notices_of(&id).await.unwrap();
        let requested: Vec<_> = notices.iter().filter(|n| n.kind == "dokumentasjon-etterspurt").collect();
        assert_eq!(requested.len(), 1, "{label}: {notices:?}");
        assert_eq!(requested[0].channel, "sms", "{label}: to the phone, though she turned channels off");

        // Nothing is sent twice.
        assert_eq!(notifier.run_once(10, now + 10_000_000).await.unwrap(), (1, 0), "{label}: only the request's SMS");
        assert_eq!(notifier.run_once(10, now + 20_000_000).await.unwrap(), (0, 0), "{label}");
        assert!(std::fs::read_to_string(&sms_path).unwrap().contains("Your welfare office asks you to send documents."), "{label}");
        let _ = std::fs::remove_file(&sms_path);
    }
}
