//! Workspace II as staff and the citizen use it, on both databases: Sara calculates Kari's
//! assistance, drafts a decision, Berit (beslutter) returns it with a comment, Sara changes and
//! resubmits it, Berit approves it — and Kari's page shows the decision, its letter and the
//! payments, one of them marked paid. Nobody approves their own decision; no decision is made on a
//! case that is not under processing; bad input gets a message next to the field with everything
//! typed kept.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_domain::ids::{Kid, KidModulus};
use velferd_testkit::{Browser, Page, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b
}

/// `name` applies in Oslo; returns (id, reference, browser).
async fn apply(app: &TestApp, name: &str) -> (String, String, Browser) {
    let mut b = app.browser("nb");
    b.sign_in(name).await;
    let draft = b.start("0301").await;
    for (step, fields) in STEPS {
        b.step(&draft, step, fields).await;
    }
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let receipt = sent.location.expect("receipt");
    let id = receipt.rsplit('/').next().expect("id").to_owned();
    let page = b.get(&receipt).await;
    let reference = regex_lite::Regex::new(r"VF-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap().find(&page.body).expect("reference").as_str().to_owned();
    (id, reference, b)
}

/// Posts on the decision page, drawn fresh (as a person would), with the page's version.
async fn decide(b: &mut Browser, id: &str, fields: &[(&str, &str)]) -> Page {
    let page = b.get(&format!("/ansatt/saker/{id}/vedtak")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // A case the page offers nothing on has no form: its version is on the case file.
    let v = match page.input_value("versjon") {
        Some(v) => v,
        None => b.get(&format!("/ansatt/saker/{id}")).await.input_value("versjon").expect("the case version"),
    };
    let mut all = vec![("versjon", v.as_str())];
    all.extend_from_slice(fields);
    b.post(&format!("/ansatt/saker/{id}/vedtak"), &all).await
}

async fn decide_owned(b: &mut Browser, id: &str, fields: &[(String, String)]) -> Page {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    decide(b, id, &refs).await
}

async fn take(b: &mut Browser, id: &str) {
    let page = b.get(&format!("/ansatt/saker/{id}")).await;
    let v = page.input_value("versjon").unwrap();
    let taken = b.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", v.as_str()), ("handling", "behandle")]).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
}

/// A date `days` from today in Norway as a date field sends it, and as the pages show it.
fn date_in(days: i64) -> (String, String) {
    let t = velferd_domain::dates::oslo_time(velferd_web::now_ms() + days * velferd_domain::office::DAY).date();
    (t.to_string(), format!("{:02}.{:02}.{}", t.day(), u8::from(t.month()), t.year()))
}

fn pdf_text(bytes: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("velferd-decisions-{}-{}.pdf", std::process::id(), bytes.len()));
    std::fs::write(&file, bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().expect("pdftotext (poppler-utils) must be installed");
    let _ = std::fs::remove_file(&file);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text with no-break spaces as plain ones (amounts are written with them).
fn plain(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The id of the decision a form on `page` names.
fn decision_id(page: &Page) -> String {
    page.input_value("vedtak").filter(|v| !v.is_empty()).expect("a decision on the page")
}

#[tokio::test]
async fn a_decision_is_returned_once_then_approved_and_kari_sees_it_and_her_payments() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, reference, mut kari) = apply(&app, "Kari").await;
        let mut sara = staff(&app, "sara").await;
        let mut berit = staff(&app, "berit").await;

        // No decision before the case is taken into processing: said, nothing written.
        let early = decide(&mut sara, &id, &[("handling", "utkast"), ("utfall", "innvilget"), ("begrunnelse", "For tidlig")]).await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: {}", early.body);
        assert!(early.body.contains("Saken må være under behandling før du kan fatte vedtak."), "{label}: {}", early.body);
        take(&mut sara, &id).await;

        // A calculation with a typo: the message at the expenses, and what was typed kept.
        let typo = decide(
            &mut sara,
            &id,
            &[("handling", "utregning"), ("voksne", "enslig"), ("utgift-art-0", "bolig"), ("utgift-tekst-0", "Husleie Storgata 12"), ("utgift-belop-0", "ni tusen")],
        )
        .await;
        assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(typo.field_error("utgifter").is_some_and(|e| e.contains("Skriv beløpet med tall")), "{label}: {}", typo.body);
        assert_eq!(typo.input_value("utgift-belop-0").as_deref(), Some("ni tusen"), "{label}: nothing typed is lost");
        assert_eq!(typo.input_value("utgift-tekst-0").as_deref(), Some("Husleie Storgata 12"), "{label}");

        // The calculation, line by line, and the caseworker's own amount with a reason.
        let calc = decide(
            &mut sara,
            &id,
            &[
                ("handling", "utregning"),
                ("voksne", "enslig"),
                ("barn", ""),
                ("utgift-art-0", "bolig"),
                ("utgift-tekst-0", "Husleie Storgata 12"),
                ("utgift-belop-0", "9 000"),
                ("inntekt-art-0", "trygd"),
                ("inntekt-tekst-0", "Dagpenger"),
                ("inntekt-belop-0", "2 000,50"),
                ("belop", "14 000"),
                ("begrunnelse", "Ekstra til vinterklær."),
            ],
        )
        .await;
        assert_eq!(calc.status, StatusCode::SEE_OTHER, "{label}: {}", calc.body);
        let page = sara.get(&format!("/ansatt/saker/{id}/vedtak?gjort=utregning")).await;
        assert!(page.body.contains("Utregningen er lagret."), "{label}");
        assert!(page.body.contains("Livsopphold, enslig") && page.body.contains("Boutgift: Husleie Storgata 12"), "{label}: lines: {}", page.body);
        let text = plain(&page.body);
        assert!(text.contains("− 2 000,50 kr") && text.contains("14 849,50 kr"), "{label}: income subtracted, øre kept, the proposal: {text}");
        assert!(text.contains("Saksbehandler har satt stønaden til 14 000 kr.") && text.contains("Ekstra til vinterklær."), "{label}");
        assert_eq!(page.input_value("u-belop-0").map(|v| plain(&v)).as_deref(), Some("14 000 kr"), "{label}: the decision starts from the amount decided");

        // Sara drafts the decision: living costs to Kari now, the rent to the landlord later with KID.
        let (today, _) = date_in(0);
        let (rent_due, rent_due_text) = date_in(10);
        let kid = Kid::with_check("2024120", KidModulus::Mod10).unwrap();
        let decision = |extra: &'static [(&'static str, &'static str)]| {
            let mut f: Vec<(String, String)> = [
                ("handling", "send"),
                ("sak", ""),
                ("sak-tittel", "Livsopphold og husleie"),
                ("utfall", "innvilget"),
                ("begrunnelse", "Du har ikke inntekt som dekker livsopphold og husleie."),
                ("hjemmel", "sotjl-18"),
                ("u-beskrivelse-0", "Livsopphold"),
                ("u-belop-0", "5 000"),
                ("u-forfall-0", today.as_str()),
                ("u-mottaker-0", "soker"),
                ("u-kontonummer-0", "1234.56.78903"),
                ("u-beskrivelse-1", "Husleie"),
                ("u-forfall-1", rent_due.as_str()),
                ("u-mottaker-1", "annen"),
                ("u-navn-1", "Boligbyggelaget AS"),
                ("u-kontonummer-1", "8601 11 17947"),
                ("u-kid-1", kid.as_str()),
                ("d-tittel-0", "Kvittering for betalt husleie"),
                ("sprak", "nb"),
            ]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
            f.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
            f
        };
        // A KID with a wrong check digit is refused at the payments, everything typed kept.
        let mut bad = decision(&[("u-belop-1", "8 500")]);
        let wrong = (0..10).map(|d| format!("2024120{d}")).find(|k| Kid::parse(k).is_err()).expect("a KID with a wrong check digit");
        bad.iter_mut().filter(|(k, _)| k == "u-kid-1").for_each(|(_, v)| *v = wrong.clone());
        let refused = decide_owned(&mut sara, &id, &bad).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: {}", refused.body);
        assert!(refused.field_error("utbetalinger").is_some(), "{label}: {}", refused.body);
        assert_eq!(refused.input_value("u-navn-1").as_deref(), Some("Boligbyggelaget AS"), "{label}");
        let reasons = regex_lite::Regex::new(r#"(?s)id="f-vedtak-begrunnelse" name="begrunnelse"[^>]*>(.*?)</textarea>"#).unwrap();
        assert_eq!(reasons.captures(&refused.body).map(|c| c[1].to_owned()).as_deref(), Some("Du har ikke inntekt som dekker livsopphold og husleie."), "{label}");

        let sent = decide_owned(&mut sara, &id, &decision(&[("u-belop-1", "9 000")])).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);

        // Sara cannot approve it herself (not a beslutter), and it waits in Berit's inbox.
        let own = sara.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        assert!(own.body.contains("Venter på godkjenning") && !own.body.contains("Godkjenn og fatt vedtaket"), "{label}");
        let waiting = berit.get("/ansatt/saker?vis=til-godkjenning").await;
        assert!(waiting.body.contains(&reference), "{label}: in the beslutter's 'awaiting approval'");
        assert!(!sara.get("/ansatt/saker?vis=til-godkjenning").await.body.contains(&reference), "{label}: not the author's to approve");
        let berit_page = berit.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        let vedtak = decision_id(&berit_page);
        assert!(
            berit_page.body.contains("Livsopphold og husleie") && berit_page.body.contains("Boligbyggelaget AS") && berit_page.body.contains("Foreslått stønad"),
            "{label}: the beslutter sees draft and calculation"
        );
        let not_hers = decide(&mut sara, &id, &[("handling", "godkjenn"), ("vedtak", &vedtak)]).await;
        assert_eq!(not_hers.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(not_hers.body.contains("Bare en beslutter eller leder kan godkjenne vedtak."), "{label}");

        // Berit returns it: a comment is required; then it is back with Sara, comment and all.
        let empty = decide(&mut berit, &id, &[("handling", "returner"), ("vedtak", &vedtak), ("kommentar", "  ")]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(empty.field_error(&format!("f-kommentar-{vedtak}")).is_some(), "{label}: {}", empty.body);
        let returned = decide(&mut berit, &id, &[("handling", "returner"), ("vedtak", &vedtak), ("kommentar", "Husleien i kontrakten er 8 500 kr.")]).await;
        assert_eq!(returned.status, StatusCode::SEE_OTHER, "{label}: {}", returned.body);
        assert!(sara.get("/ansatt/saker?vis=returnert").await.body.contains(&reference), "{label}: in the author's 'returned to me'");
        let back = sara.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        assert!(back.body.contains("Sendt tilbake til deg: Husleien i kontrakten er 8 500 kr."), "{label}: {}", back.body);
        assert_eq!(decision_id(&back), vedtak, "{label}: the same decision opens for changes");
        assert_eq!(back.input_value("u-navn-1").as_deref(), Some("Boligbyggelaget AS"), "{label}: as she left it");

        // Sara corrects the rent and submits again; Berit approves.
        let mut fixed = decision(&[("u-belop-1", "8 500")]);
        fixed.push(("vedtak".into(), vedtak.clone()));
        let resent = decide_owned(&mut sara, &id, &fixed).await;
        assert_eq!(resent.status, StatusCode::SEE_OTHER, "{label}: {}", resent.body);
        let approved = decide(&mut berit, &id, &[("handling", "godkjenn"), ("vedtak", &vedtak)]).await;
        assert_eq!(approved.status, StatusCode::SEE_OTHER, "{label}: {}", approved.body);

        // Kari's page: decided, the decision letter, both payments planned.
        let mine = kari.get(&format!("/mine-soknader/{id}")).await;
        assert_eq!(mine.status, StatusCode::OK, "{label}");
        assert!(mine.body.contains("<strong>Livsopphold og husleie</strong>: innvilget"), "{label}: the decision: {}", mine.body);
        let text = plain(&mine.body);
        assert!(text.contains("godkjente vedtaket") && text.contains("sendte vedtaket til godkjenning"), "{label}: who has looked, in words: {text}");
        assert!(text.contains("Utbetaling av 5 000 kr ble planlagt."), "{label}: {text}");
        assert!(text.contains("Utbetaling av 8 500 kr ble planlagt."), "{label}: the corrected rent: {text}");
        assert!(
            text.contains("Slik har vi regnet: Livsopphold og husleie") && text.contains("Til bolig: Husleie Storgata 12") && text.contains("Penger du får: Dagpenger"),
            "{label}: the calculation in plain words: {text}"
        );
        assert!(text.contains(r#"<th scope="row">Dette får du</th><td class="vf-amount"><strong>14 000 kr</strong>"#), "{label}: what was decided: {text}");
        let letter =
            regex_lite::Regex::new(&format!(r"/mine-soknader/{id}/brev/[0-9a-f-]+\.pdf")).unwrap().find(&mine.body).expect("the decision letter's link").as_str().to_owned();
        let pdf = kari.client.get(format!("{}{letter}", kari.base)).send().await.unwrap();
        assert_eq!(pdf.status(), StatusCode::OK, "{label}");
        let text = pdf_text(&pdf.bytes().await.unwrap());
        for words in [
            "Vedtak om økonomisk stønad",
            "Kort fortalt",
            "Du får stønad: Livsopphold og husleie.",
            "Boligbyggelaget AS",
            "Kvittering for betalt husleie",
            "Begrunnelse",
            "sosialtjenesteloven § 18",
            "klage",
            "Statsforvalteren",
            // Where to appeal, by the name the site gives it.
            "«Mine søknader»",
            "forvaltningsloven § 18",
            &rent_due_text,
        ] {
            assert!(text.contains(words), "{label}: the letter says {words:?}: {text}");
        }

        // Every sak is decided: the application is finished.
        let file = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(file.body.contains(r#"<h2 id="status" class="ds-heading" data-size="md">Ferdig behandlet</h2>"#), "{label}: {}", file.body);
        assert!(
            plain(&file.body).contains("Utregnet stønad: 14 000 kr.") && file.body.contains("Vedtak 1: Vedtatt"),
            "{label}: the case file says where the decision stands: {}",
            file.body
        );
        assert!(
            file.body.contains("Berit Solberg fattet vedtaket: Innvilget.") && file.body.contains("Berit Solberg sendte vedtaket tilbake: Husleien i kontrakten er 8 500 kr."),
            "{label}: the journal: {}",
            file.body
        );

        // Sara marks the living costs paid: on Kari's page at once.
        let page = sara.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        let living = regex_lite::Regex::new(r#"name="handling" value="utbetalt"><input type="hidden" name="utbetaling" value="([^"]+)""#).unwrap();
        let first = living.captures(&page.body).expect("a planned payment to mark paid")[1].to_owned();
        let paid = decide(&mut sara, &id, &[("handling", "utbetalt"), ("utbetaling", &first), ("dato", &today)]).await;
        assert_eq!(paid.status, StatusCode::SEE_OTHER, "{label}: {}", paid.body);
        let mine = kari.get(&format!("/mine-soknader/{id}")).await;
        assert!(plain(&mine.body).contains("5 000 kr ble utbetalt."), "{label}: {}", mine.body);
        let again = decide(&mut sara, &id, &[("handling", "utbetalt"), ("utbetaling", &first), ("dato", &today)]).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: a payment is paid once");
        assert!(again.body.contains("Utbetalingen er allerede utbetalt eller stoppet."), "{label}");

        // One more payment planned on the decision: a wrong account number is said at the field.
        let (power_due, _) = date_in(20);
        let plan = |account: &'static str| {
            vec![
                ("handling".to_owned(), "planlegg".to_owned()),
                ("p-vedtak".to_owned(), vedtak.clone()),
                ("p-beskrivelse".to_owned(), "Strøm desember".to_owned()),
                ("p-belop".to_owned(), "1 250,75".to_owned()),
                ("p-forfall".to_owned(), power_due.clone()),
                ("p-mottaker".to_owned(), "annen".to_owned()),
                ("p-navn".to_owned(), "Kraftselskapet AS".to_owned()),
                ("p-kontonummer".to_owned(), account.to_owned()),
            ]
        };
        let wrong = decide_owned(&mut sara, &id, &plan("8601 11 17948")).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(wrong.field_error("f-p-kontonummer").is_some_and(|e| e.contains("Kontonummeret finnes ikke")), "{label}: {}", wrong.body);
        assert_eq!(wrong.input_value("p-navn").as_deref(), Some("Kraftselskapet AS"), "{label}: nothing typed is lost");
        let planned = decide_owned(&mut sara, &id, &plan("8601 11 17947")).await;
        assert_eq!(planned.status, StatusCode::SEE_OTHER, "{label}: {}", planned.body);
        let mine = plain(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(mine.contains("Utbetaling av 1 250,75 kr ble planlagt."), "{label}: {mine}");
        // Then stopped: said on her page too.
        let page = sara.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        let stop = regex_lite::Regex::new(r#"name="handling" value="stopp"><input type="hidden" name="utbetaling" value="([^"]+)""#).unwrap();
        let last = stop.captures_iter(&page.body).last().expect("a planned payment to stop")[1].to_owned();
        let stopped = decide(&mut sara, &id, &[("handling", "stopp"), ("utbetaling", &last)]).await;
        assert_eq!(stopped.status, StatusCode::SEE_OTHER, "{label}: {}", stopped.body);
        let mine = plain(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(mine.contains("1 250,75 kr") && mine.contains("stoppet"), "{label}: {mine}");

        // The export's list: the rent is still planned.
        let due = app.store.payments_due("0312", time::OffsetDateTime::now_utc().date(), None).await.unwrap();
        let rent = due.iter().find(|d| d.case_reference == reference).expect("the rent is due");
        assert_eq!((rent.payment.amount_ore, rent.payment.kid.as_deref(), rent.payment.recipient_name.as_str()), (850_000, Some(kid.as_str()), "Boligbyggelaget AS"), "{label}");
    }
}

#[tokio::test]
async fn nobody_approves_their_own_decision() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, _) = apply(&app, "Kari").await;
        // Henrik is a leder, who may approve others' decisions, but not his own.
        let mut henrik = staff(&app, "henrik").await;
        take(&mut henrik, &id).await;
        let fields = [
            ("handling", "send"),
            ("utfall", "avslag"),
            ("begrunnelse", "Du har inntekt over satsen."),
            ("hjemmel", "sotjl-18"),
            ("u-mottaker-0", "soker"),
            ("u-kontonummer-0", "1234.56.78903"),
            ("sprak", "nb"),
        ];
        let sent = decide(&mut henrik, &id, &fields).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        // What he is told says where it went: to a beslutter, not to Kari.
        let told = henrik.get(sent.location.as_deref().unwrap()).await;
        assert!(told.body.contains("Vedtaket er sendt til godkjenning."), "{label}: {}", told.body);
        let page = henrik.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        assert!(!page.body.contains("Godkjenn og fatt vedtaket"), "{label}: not offered");
        let vedtak = regex_lite::Regex::new(r#"id="vedtak-([^"]+)""#).unwrap().captures(&page.body).expect("the decision")[1].to_owned();
        let own = decide(&mut henrik, &id, &[("handling", "godkjenn"), ("vedtak", &vedtak)]).await;
        assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(own.body.contains("Du kan ikke godkjenne eller sende tilbake ditt eget vedtak."), "{label}: {}", own.body);
        let returned = decide(&mut henrik, &id, &[("handling", "returner"), ("vedtak", &vedtak), ("kommentar", "Jeg ombestemte meg")]).await;
        assert_eq!(returned.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
    }
}

/// `serve --demo` seeds one application decided through the caseworker actions: Kari's page shows
/// the decision, one payment paid and one planned after today; the office's page shows the return
/// and the approval in the journal. Seeding twice adds nothing.
#[tokio::test]
async fn the_demo_has_an_application_decided_through_the_office_actions() {
    for app in TestApp::all().await {
        let label = app.db.label;
        velferd_web::seed_demo_people(&app.store).await.unwrap();
        let cases = velferd_cases::Cases::new(app.store.clone(), app.files.clone(), velferd_web::default_kommuner());
        assert!(velferd_web::seed_demo_decision(&cases, velferd_web::now_ms()).await.unwrap(), "{label}: seeded");
        assert!(!velferd_web::seed_demo_decision(&cases, velferd_web::now_ms()).await.unwrap(), "{label}: once");

        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let list = kari.get("/mine-soknader").await;
        let id = regex_lite::Regex::new(r#"href="/mine-soknader/([0-9a-z]+)""#).unwrap().captures(&list.body).expect("Kari's application")[1].to_owned();
        let mine = plain(&kari.get(&format!("/mine-soknader/{id}")).await.body);
        assert!(mine.contains("<strong>Livsopphold og husleie</strong>: innvilget"), "{label}: {mine}");
        assert!(mine.contains("7 850 kr ble utbetalt.") && mine.contains("Utbetaling av 9 500 kr ble planlagt."), "{label}: {mine}");
        assert!(mine.contains("Meld deg som arbeidssøker hos NAV"), "{label}: the condition: {mine}");

        let mut henrik = staff(&app, "henrik").await;
        let file = henrik.get(&format!("/ansatt/saker/{id}")).await;
        assert!(
            file.body.contains("Berit Solberg sendte vedtaket tilbake: Skriv i begrunnelsen") && file.body.contains("Berit Solberg fattet vedtaket: Innvilget."),
            "{label}: {}",
            file.body
        );
        let due = app.store.payments_due("0312", time::OffsetDateTime::now_utc().date(), None).await.unwrap();
        assert!(due.iter().any(|d| d.payment.recipient_name == "Boligbyggelaget Oslo AS" && d.payment.amount_ore == 950_000), "{label}: the rent is planned after today");
    }
}

/// Two people on one case: Sara's decision form was drawn before Henrik changed the case, so her
/// post writes nothing and the page comes back fresh with what she typed kept (409).
#[tokio::test]
async fn a_decision_form_drawn_before_a_colleague_acted_writes_nothing_and_keeps_what_was_typed() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, _) = apply(&app, "Kari").await;
        let mut sara = staff(&app, "sara").await;
        let mut henrik = staff(&app, "henrik").await;
        take(&mut sara, &id).await;
        let page = sara.get(&format!("/ansatt/saker/{id}/vedtak")).await;
        let old = page.input_value("versjon").unwrap();
        // Henrik saves a calculation meanwhile.
        let calc = decide(&mut henrik, &id, &[("handling", "utregning"), ("voksne", "enslig")]).await;
        assert_eq!(calc.status, StatusCode::SEE_OTHER, "{label}: {}", calc.body);
        let late = sara
            .post(
                &format!("/ansatt/saker/{id}/vedtak"),
                &[("versjon", old.as_str()), ("handling", "utkast"), ("utfall", "innvilget"), ("begrunnelse", "Skrevet mens Henrik regnet."), ("hjemmel", "sotjl-18")],
            )
            .await;
        assert_eq!(late.status, StatusCode::CONFLICT, "{label}: {}", late.body);
        assert!(late.body.contains("Skrevet mens Henrik regnet."), "{label}: what she typed is kept");
        assert!(late.body.contains("Lagret av Henrik Moe"), "{label}: the page is fresh");
        assert!(app.store.decisions(&id).await.unwrap().is_empty(), "{label}: nothing written");
    }
}
