//! Meetings as staff and people use them, on both databases: Sara books one from the case (after a
//! refused try on Christmas Day, with what she typed kept); Kari sees it on her page with a calendar
//! file that an independent reader (PyPI icalendar) reads back to the same time; Sara cannot book
//! herself twice at that time; Kari asks to move it and the office sees her words waiting; a
//! cancelled meeting says so on Kari's page.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Stdio};

use reqwest::StatusCode;
use velferd_testkit::{html_unescape, Browser, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    b.post("/ansatt/demo", &[("ansatt", key)]).await;
    b
}

async fn apply(app: &TestApp, name: &str) -> (String, Browser) {
    let mut b = app.browser("nb");
    b.sign_in(name).await;
    let draft = b.start("0301").await;
    for (step, fields) in STEPS {
        b.step(&draft, step, fields).await;
    }
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.expect("receipt").rsplit('/').next().unwrap().to_owned();
    (id, b)
}

/// Two working days from today in Norway, as a date field sends it.
fn working_day() -> (String, time::Date) {
    let today = velferd_domain::dates::oslo_time(i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis()).unwrap()).date();
    let d = velferd_domain::calendar::add_working_days(today, 2);
    (format!("{}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()), d)
}

/// DTSTART and SUMMARY of the first event of `ics`, read by PyPI's icalendar; `None` without it.
fn read_ics(ics: &str) -> Option<String> {
    let python = std::env::var("VELFERD_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = "import sys, icalendar\ncal = icalendar.Calendar.from_ical(sys.stdin.read())\nev = next(iter(cal.walk('VEVENT')))\nprint(ev.decoded('dtstart').isoformat(), '|', ev.decoded('dtend').isoformat(), '|', ev.get('summary'), '|', ev.get('location'))";
    let mut child = Command::new(&python).args(["-c", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().ok()?;
    std::io::Write::write_all(child.stdin.as_mut()?, ics.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("No module named") && std::env::var("VELFERD_REQUIRE_SMTP").is_err() {
            eprintln!("warning: icalendar (PyPI) is not installed; the calendar file is not read back");
            return None;
        }
        panic!("icalendar could not read the calendar file: {err}\n{ics}");
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[tokio::test]
async fn sara_books_kari_sees_it_asks_to_move_it_and_nothing_is_booked_twice() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, mut kari) = apply(&app, "Kari").await;
        let (other, _) = apply(&app, "Ola").await;
        let mut sara = staff(&app, "sara").await;
        let (date, day) = working_day();

        let page = sara.get(&format!("/ansatt/saker/{id}/moter")).await;
        assert_eq!(page.status, StatusCode::OK, "{label}");
        let year = day.year();
        let christmas = format!("{year}-12-25");
        let refused = sara
            .post(
                &format!("/ansatt/saker/{id}/moter"),
                &[("handling", "book"), ("dato", &christmas), ("tid", "10:00"), ("minutter", "45"), ("type", "oppmote"), ("sted", "Sørkedalsveien 6"), ("rom", "Fjorden")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(refused.field_error("dato").unwrap().contains("helg eller helligdag"), "{label}: {:?}", refused.field_error("dato"));
        assert_eq!(refused.input_value("rom").as_deref(), Some("Fjorden"), "{label}: what she typed is kept");

        let booked = sara
            .post(
                &format!("/ansatt/saker/{id}/moter"),
                &[("handling", "book"), ("dato", &date), ("tid", "10:00"), ("minutter", "45"), ("type", "oppmote"), ("sted", "Sørkedalsveien 6"), ("rom", "Rom 2")],
            )
            .await;
        assert_eq!(booked.status, StatusCode::SEE_OTHER, "{label}: {}", booked.body);
        let twice = sara
            .post(&format!("/ansatt/saker/{other}/moter"), &[("handling", "book"), ("dato", &date), ("tid", "10:30"), ("minutter", "30"), ("type", "telefon"), ("sted", "")])
            .await;
        assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(twice.field_error("tid").unwrap().contains("allerede en avtale"), "{label}");

        // Kari's page, and the calendar file.
        let case = html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(
            case.contains("Avtaler med kontoret") && case.contains("10.00–10.45") && case.contains("Oppmøte, Sørkedalsveien 6 (Rom 2)"),
            "{label}: a room named 'Rom 2' is not 'rom Rom 2': {case}"
        );
        assert!(case.contains("Med Sara Lund"), "{label}");
        let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+\.ics)""#).unwrap().captures(&case).unwrap()[1].to_owned();
        let ics = kari.get(&href).await;
        assert_eq!(ics.status, StatusCode::OK);
        if let Some(read) = read_ics(&ics.body) {
            let start = velferd_domain::meetings::oslo_to_ms(day, time::macros::time!(10:00));
            let utc = time::OffsetDateTime::from_unix_timestamp(start / 1000).unwrap();
            let expected = format!("{}-{:02}-{:02}T{:02}:00:00+00:00", utc.year(), u8::from(utc.month()), utc.day(), utc.hour());
            assert!(read.starts_with(&expected), "{label}: {read} should start at {expected}");
            assert!(read.contains("Avtale med NAV Frogner") && read.contains("Sørkedalsveien 6"), "{label}: {read}");
        }
        // Someone else's meeting file is not hers.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.get(&href).await.status, StatusCode::NOT_FOUND, "{label}");

        // She asks to move it; the office sees her words waiting.
        let action = regex_lite::Regex::new(r#"action="(/mine-soknader/[^"]+/flytt)""#).unwrap().captures(&case).unwrap()[1].to_owned();
        let token = regex_lite::Regex::new(r#"name="skjema" value="([^"]+)""#).unwrap().captures(&case).unwrap()[1].to_owned();
        let asked = kari.post(&action, &[("melding", "Jeg har legetime da. Passer det torsdag?"), ("skjema", &token)]).await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{label}: {}", asked.body);
        assert!(sara.get("/ansatt/meldinger").await.body.contains("Svar innen"), "{label}: the request waits for an answer");
        let meetings = html_unescape(&sara.get(&format!("/ansatt/saker/{id}/moter")).await.body);
        assert!(meetings.contains("Jeg har legetime da. Passer det torsdag?"), "{label}");

        // Cancelled, it says so on her page.
        let version = regex_lite::Regex::new(r#"name="versjon" value="(\d+)""#).unwrap().captures(&meetings).unwrap()[1].to_owned();
        let mote = regex_lite::Regex::new(r#"name="mote" value="([^"]+)""#).unwrap().captures(&meetings).unwrap()[1].to_owned();
        let cancelled = sara.post(&format!("/ansatt/saker/{id}/moter"), &[("handling", "avlys"), ("mote", &mote), ("versjon", &version)]).await;
        assert_eq!(cancelled.status, StatusCode::SEE_OTHER, "{label}");
        assert!(html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body).contains("– avlyst"), "{label}");
        let kinds: Vec<String> = app.store.notices_of(&id).await.unwrap().into_iter().map(|n| n.kind).collect();
        assert_eq!(kinds.iter().filter(|k| *k == "mote").count(), 2, "{label}: booked and cancelled: {kinds:?}");
    }
}
