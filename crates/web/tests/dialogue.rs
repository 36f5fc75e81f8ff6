//! The conversation between a person and the office, as both use it, on both databases: Kari writes
//! from her case page and is told when to expect an answer; the office sees it waiting with its
//! promised date, answers with the caseworker's name, and Kari reads the answer. "No food today"
//! tells her to call now and puts the case on top of the office's lists. Bad input (empty, 100 kB,
//! hidden characters) gets a message next to the field with the text kept; another person's case
//! takes nothing; a form posted twice stores one message.

#![allow(clippy::unwrap_used)]

use reqwest::StatusCode;
use velferd_testkit::{html_unescape, Browser, TestApp, STEPS};

async fn staff(app: &TestApp, key: &str) -> Browser {
    let mut b = app.browser("nb");
    b.get("/ansatt/demo").await;
    let done = b.post("/ansatt/demo", &[("ansatt", key)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    b
}

/// `name` applies to Oslo; returns (application id, reference, signed-in browser).
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

/// The conversation section of a case page.
fn dialogue(body: &str) -> String {
    let start = body.find(r#"id="meldinger""#).expect("the conversation section");
    let end = start + body[start..].find("</section>").unwrap();
    html_unescape(&body[start..end])
}

/// Writes from the case page as a browser would (with the form's one-time key).
async fn write(b: &mut Browser, id: &str, text: &str, emergency: bool) -> velferd_testkit::Page {
    let page = b.get(&format!("/mine-soknader/{id}")).await;
    let token = page.input_value("skjema").expect("the message form on the case page");
    let mut fields = vec![("melding", text), ("skjema", token.as_str())];
    if emergency {
        fields.push(("akutt", "ja"));
    }
    b.post(&format!("/mine-soknader/{id}/meldinger"), &fields).await
}

#[tokio::test]
async fn kari_writes_the_office_answers_and_both_see_the_conversation() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, reference, mut kari) = apply(&app, "Kari", "nb").await;

        let case = kari.get(&format!("/mine-soknader/{id}")).await;
        assert!(case.body.contains("Skriv til kontoret"), "{label}: the case page offers the conversation");

        let sent = write(&mut kari, &id, "Hei!\nNår får jeg svar på søknaden?", false).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        let after = kari.get(sent.location.as_deref().unwrap()).await;
        let text = dialogue(&after.body);
        assert!(text.contains("Meldingen er sendt."), "{label}: {text}");
        assert!(text.contains("Du får vanligvis svar innen"), "{label}: the promised date is shown");
        assert!(text.contains("Hei!\nNår får jeg svar på søknaden?"), "{label}: the message with its line break");

        // The office sees it waiting, with the promised date.
        let mut sara = staff(&app, "sara").await;
        let list = sara.get("/ansatt/meldinger").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains(&reference), "{label}: the conversation is in the office's list");
        assert!(list.body.contains("Svar innen"), "{label}");
        let conversation = sara.get(&format!("/ansatt/saker/{id}/meldinger")).await;
        assert!(html_unescape(&conversation.body).contains("Når får jeg svar på søknaden?"));
        let token = conversation.input_value("skjema").unwrap();
        let answered = sara.post(&format!("/ansatt/saker/{id}/meldinger"), &[("melding", "Vi behandler søknaden din denne uken."), ("skjema", &token)]).await;
        assert_eq!(answered.status, StatusCode::SEE_OTHER, "{label}: {}", answered.body);
        // The same form again (a double click) stores nothing new.
        sara.post(&format!("/ansatt/saker/{id}/meldinger"), &[("melding", "Vi behandler søknaden din denne uken."), ("skjema", &token)]).await;
        assert!(!sara.get("/ansatt/meldinger").await.body.contains(&reference), "{label}: answered, it leaves the list");

        let whole = kari.get(&format!("/mine-soknader/{id}")).await.body;
        let page = dialogue(&whole);
        assert_eq!(page.matches("Vi behandler søknaden din denne uken.").count(), 1, "{label}: one answer, shown once");
        assert!(page.contains("Sara Lund, NAV Frogner"), "{label}: signed with the caseworker's name and office");
        assert!(!page.contains("Du får vanligvis svar innen"), "{label}: nothing is owed any more");

        // The citizen sees that the office read the conversation ("who has looked").
        assert!(html_unescape(&whole).contains("leste meldingene"), "{label}: reading the messages is logged and shown");
        let timeline = html_unescape(&whole);
        assert!(timeline.contains("Du skrev til kontoret.") && timeline.contains("NAV Frogner svarte på meldingen din."), "{label}: both are in the timeline");
        let staff_case = html_unescape(&sara.get(&format!("/ansatt/saker/{id}")).await.body);
        assert!(staff_case.contains("Søkeren skrev til kontoret."), "{label}: and in the office's case file");
    }
}

#[tokio::test]
async fn no_food_today_says_call_now_and_puts_the_case_on_top() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (_, first_ref, _) = apply(&app, "Amina", "nb").await;
        let (id, reference, mut kari) = apply(&app, "Kari", "nb").await;
        let mut sara = staff(&app, "sara").await;
        let inbox = sara.get("/ansatt/saker").await;
        assert!(inbox.body.find(&first_ref).unwrap() < inbox.body.find(&reference).unwrap(), "{label}: oldest first before");

        let sent = write(&mut kari, &id, "Jeg har ikke penger til mat.", true).await;
        let page = kari.get(sent.location.as_deref().unwrap()).await;
        assert!(page.body.contains("nå, så får du hjelp i dag"), "{label}: told to call now");
        assert!(page.body.contains("tel:"), "{label}: with the office's number as a link");

        let inbox = sara.get("/ansatt/saker").await;
        assert!(inbox.body.find(&reference).unwrap() < inbox.body.find(&first_ref).unwrap(), "{label}: the emergency is on top of the inbox");
        let list = sara.get("/ansatt/meldinger").await;
        assert!(list.body.contains("Haster: har ikke mat eller sted å sove i dag"), "{label}");
    }
}

#[tokio::test]
async fn bad_messages_are_refused_next_to_the_field_with_the_text_kept() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, mut kari) = apply(&app, "Kari", "en").await;

        let empty = write(&mut kari, &id, "   \n  ", false).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert_eq!(empty.field_error("melding").as_deref(), Some("Write a message before you send it."), "{label}: in the person's language, at the field");

        let long = "Dette er en lang tekst. ".repeat(4_500);
        let refused = write(&mut kari, &id, &long, false).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.field_error("melding").unwrap().contains("4000"), "{label}: says the limit");
        assert_eq!(refused.textarea("melding"), Some(long.clone()), "{label}: all 100 kB kept in the field");

        let hidden = write(&mut kari, &id, "Hei\u{7} der, se vedlegg \u{202E}fdp.exe", false).await;
        assert_eq!(hidden.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(hidden.textarea("melding").unwrap().contains("Hei der, se vedlegg"), "{label}: the text comes back without the hidden characters");

        let page = kari.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains("You have not written to the office"), "{label}: nothing was stored");

        // Another person's case: nothing found, nothing stored there.
        let (ola_id, _, _) = apply(&app, "Ola", "nb").await;
        let token = page.input_value("skjema").unwrap();
        let other = kari.post(&format!("/mine-soknader/{ola_id}/meldinger"), &[("melding", "Hei"), ("skjema", &token)]).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{label}");
        let mut sara = staff(&app, "sara").await;
        assert!(sara.get("/ansatt/meldinger").await.body.contains("Ingen meldinger venter på svar."), "{label}: nothing delivered anywhere");
    }
}

/// Fetches a PDF as the browser's signed-in person: (status, bytes).
async fn pdf(b: &Browser, path: &str) -> (StatusCode, Vec<u8>) {
    let r = b.client.get(format!("{}{path}", b.base)).header("accept-language", "nb").send().await.unwrap();
    let status = r.status();
    if status == StatusCode::OK {
        assert_eq!(r.headers()["content-type"], "application/pdf");
    }
    (status, r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_archive_copy_holds_the_conversation_and_only_the_office_copy_its_notes() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, reference, mut kari) = apply(&app, "Kari", "nb").await;
        write(&mut kari, &id, "Hei! Når får jeg svar på søknaden?", false).await;
        let mut sara = staff(&app, "sara").await;
        let conversation = sara.get(&format!("/ansatt/saker/{id}/meldinger")).await;
        let token = conversation.input_value("skjema").unwrap();
        sara.post(&format!("/ansatt/saker/{id}/meldinger"), &[("melding", "Vi behandler søknaden din denne uken."), ("skjema", &token)]).await;
        let case = sara.get(&format!("/ansatt/saker/{id}")).await;
        let version = regex_lite::Regex::new(r#"name="versjon" value="(\d+)""#).unwrap().captures(&case.body).unwrap()[1].to_owned();
        let noted = sara.post(&format!("/ansatt/saker/{id}/handling"), &[("versjon", &version), ("handling", "notat"), ("notat", "Ringte Kari, avtalt matkort.")]).await;
        assert_eq!(noted.status, StatusCode::SEE_OTHER, "{label}: {}", noted.body);

        // The office's copy: linked from the case file, everything in it, the notes too.
        let case = sara.get(&format!("/ansatt/saker/{id}")).await;
        assert!(case.body.contains(&format!("/ansatt/saker/{id}/arkiv.pdf")), "{label}: the case file links the archive copy");
        let (status, office_copy) = pdf(&sara, &format!("/ansatt/saker/{id}/arkiv.pdf")).await;
        assert_eq!(status, StatusCode::OK, "{label}");
        assert!(office_copy.starts_with(b"%PDF-"), "{label}");
        if let Some(text) = velferd_testkit::pdf_tools::text(&office_copy) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&reference), "{label}: {text}");
            assert!(text.contains("Når får jeg svar på søknaden?") && text.contains("Vi behandler søknaden din denne uken."), "{label}: both messages: {text}");
            assert!(text.contains("Sara Lund, NAV Frogner"), "{label}: the answer signed with name and office");
            assert!(text.contains("Ringte Kari, avtalt matkort."), "{label}: the office's copy has the internal notes");
            assert!(text.contains("Søkeren skrev til kontoret."), "{label}: the timeline in plain words");
            assert!(text.contains("Hva som har skjedd") && text.contains("Søknaden"), "{label}");
        }
        if let Some(ok) = velferd_testkit::pdf_tools::qpdf_ok(&office_copy) {
            assert!(ok, "{label}: qpdf accepts the archive copy");
        }
        if std::env::var("VELFERD_KEEP_PDF").is_ok() {
            std::fs::write(format!("/tmp/arkiv-{label}.pdf"), &office_copy).unwrap();
        }

        // Kari's own copy: from her case page, the conversation without the office's notes.
        let page = kari.get(&format!("/mine-soknader/{id}")).await;
        assert!(page.body.contains(&format!("/mine-soknader/{id}/arkiv.pdf")), "{label}: the case page offers her copy");
        let (status, own) = pdf(&kari, &format!("/mine-soknader/{id}/arkiv.pdf")).await;
        assert_eq!(status, StatusCode::OK, "{label}");
        if let Some(text) = velferd_testkit::pdf_tools::text(&own) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Vi behandler søknaden din denne uken."), "{label}: {text}");
            assert!(!text.contains("avtalt matkort") && !text.contains("Interne notater"), "{label}: never the office's notes: {text}");
        }
        // Reading the office's copy is logged and shown to her.
        assert!(html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body).contains("så hele saken din (arkivkopi)"), "{label}");

        // Another person's case, and another office: nothing.
        let (ola_id, _, _) = apply(&app, "Ola", "nb").await;
        assert_eq!(pdf(&kari, &format!("/mine-soknader/{ola_id}/arkiv.pdf")).await.0, StatusCode::NOT_FOUND, "{label}");
        let nina = staff(&app, "nina").await;
        assert_eq!(pdf(&nina, &format!("/ansatt/saker/{id}/arkiv.pdf")).await.0, StatusCode::NOT_FOUND, "{label}");
    }
}

/// A phone photo of a text page.
fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 800, |x, y| {
        let on_line = (y % 28) < 8 && x > 40 && x < 560 && !(x / 23 + seed).is_multiple_of(7);
        let v = if on_line { 40 } else { 235 };
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).expect("jpeg");
    out.into_inner()
}

/// Posts a message form with files as a browser does (multipart, the page's one-time key).
async fn post_with_files(b: &mut Browser, page_path: &str, action: &str, text: &str, files: &[(&str, Vec<u8>)]) -> velferd_testkit::Page {
    let page = b.get(page_path).await;
    let token = page.input_value("skjema").expect("the message form");
    let mut form = reqwest::multipart::Form::new().text("_csrf", b.csrf.clone()).text("skjema", token).text("melding", text.to_owned());
    for (name, bytes) in files {
        form = form.part("vedlegg", reqwest::multipart::Part::bytes(bytes.clone()).file_name((*name).to_owned()));
    }
    let r = b.client.post(format!("{}{action}", b.base)).header("accept-language", "nb").multipart(form).send().await.expect("post");
    let status = r.status();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    velferd_testkit::Page { status, location, body: r.text().await.unwrap() }
}

#[tokio::test]
async fn photos_sent_with_a_message_become_one_pdf_that_the_other_side_opens() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, mut kari) = apply(&app, "Kari", "nb").await;
        let case_path = format!("/mine-soknader/{id}");
        let action = format!("/mine-soknader/{id}/meldinger");

        // A file that is not a picture or a PDF: refused at the file field, the text kept.
        let bad = post_with_files(&mut kari, &case_path, &action, "Her er regningen.", &[("regning.jpg", b"not a picture at all".to_vec())]).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: {}", bad.body);
        let error = bad.field_error("vedlegg").expect("the reason next to the file field");
        assert!(error.contains("regning.jpg") && error.contains("Velg filene på nytt"), "{label}: {error}");
        assert_eq!(bad.textarea("melding").as_deref(), Some("Her er regningen."), "{label}: the text is kept");
        assert!(kari.get(&case_path).await.body.contains("Du har ikke skrevet til kontoret"), "{label}: nothing was stored");

        // Two photos: one message, one readable PDF of two pages.
        let sent = post_with_files(&mut kari, &case_path, &action, "Her er regningen, to sider.", &[("side1.jpg", photo(1)), ("side2.jpg", photo(2))]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        let page = dialogue(&kari.get(&case_path).await.body);
        assert!(page.contains("Vedlegg: side1.jpg, side2.jpg") && page.contains("PDF, 2 sider"), "{label}: {page}");
        let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/meldinger/vedlegg/[0-9a-f]{64}\.pdf)""#).unwrap().captures(&page).unwrap()[1].to_owned();
        let (status, own) = pdf(&kari, &href).await;
        assert_eq!(status, StatusCode::OK, "{label}");
        assert_eq!(velferd_testkit::pdf_tools::pages(&own).unwrap_or(2), 2, "{label}");

        // The office opens it as PDF from the conversation, and answers with a PDF of its own.
        let mut sara = staff(&app, "sara").await;
        let conversation = sara.get(&format!("/ansatt/saker/{id}/meldinger")).await;
        let sha = href.rsplit('/').next().unwrap();
        let staff_href = format!("/ansatt/saker/{id}/meldinger/vedlegg/{sha}");
        assert!(conversation.body.contains(&staff_href), "{label}");
        let (status, seen) = pdf(&sara, &staff_href).await;
        assert_eq!((status, seen.len()), (StatusCode::OK, own.len()), "{label}");
        let guide = velferd_documents::render(&velferd_documents::Document { title: "Slik søker du bostøtte".into(), language: "nb".into(), ..Default::default() }).unwrap();
        let answered =
            post_with_files(&mut sara, &format!("/ansatt/saker/{id}/meldinger"), &format!("/ansatt/saker/{id}/meldinger"), "Takk! Se veiledningen.", &[("bostotte.pdf", guide)])
                .await;
        assert_eq!(answered.status, StatusCode::SEE_OTHER, "{label}: {}", answered.body);
        let page = dialogue(&kari.get(&case_path).await.body);
        assert!(page.contains("Vedlegg: bostotte.pdf"), "{label}: {page}");
        let answer_href =
            regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/meldinger/vedlegg/[0-9a-f]{64}\.pdf)""#).unwrap().captures_iter(&page).last().unwrap()[1].to_owned();
        let (status, answer_pdf) = pdf(&kari, &answer_href).await;
        assert_eq!(status, StatusCode::OK, "{label}");
        if let Some(text) = velferd_testkit::pdf_tools::text(&answer_pdf) {
            assert!(text.contains("Slik søker du bostøtte"), "{label}: the office's PDF is copied, text and all");
        }

        // Part of the record: among the case file's documents, and in the archive copy.
        let file = html_unescape(&sara.get(&format!("/ansatt/saker/{id}")).await.body);
        assert!(file.contains(&staff_href) && file.contains("Sendt med melding fra Kari Nordmann"), "{label}: the case file lists it with the documents");
        let (status, merged) = pdf(&sara, &format!("/ansatt/saker/{id}/vedlegg.pdf")).await;
        assert_eq!(status, StatusCode::OK, "{label}: the merged documents PDF, though no document was sent");
        if let Some(text) = velferd_testkit::pdf_tools::text(&merged) {
            assert!(text.contains("Vedlegg: side1.jpg, side2.jpg") && text.contains("Slik søker du bostøtte"), "{label}: the attachments are in it: {text}");
        }
        let (_, archive) = pdf(&sara, &format!("/ansatt/saker/{id}/arkiv.pdf")).await;
        if let Some(text) = velferd_testkit::pdf_tools::text(&archive) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Vedlegg: side1.jpg, side2.jpg") && text.contains("Vedlegg: bostotte.pdf"), "{label}: {text}");
        }

        // Nobody else: another person, another office, a file not on this case.
        let (ola_id, _, mut ola) = apply(&app, "Ola", "nb").await;
        assert_eq!(pdf(&ola, &href).await.0, StatusCode::NOT_FOUND, "{label}");
        ola.get("/mine-soknader").await;
        assert_eq!(pdf(&ola, &format!("/mine-soknader/{ola_id}/meldinger/vedlegg/{sha}.pdf")).await.0, StatusCode::NOT_FOUND, "{label}: not on Ola's case");
        let nina = staff(&app, "nina").await;
        assert_eq!(pdf(&nina, &staff_href).await.0, StatusCode::NOT_FOUND, "{label}");
        assert_eq!(pdf(&sara, &format!("/ansatt/saker/{ola_id}/meldinger/vedlegg/{sha}.pdf")).await.0, StatusCode::NOT_FOUND, "{label}");
    }
}

#[tokio::test]
async fn the_office_keeps_reply_templates_and_routes_a_conversation_to_a_colleague() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, reference, mut kari) = apply(&app, "Kari", "nb").await;
        write(&mut kari, &id, "Hei! Har dere fått søknaden min?", false).await;
        let mut sara = staff(&app, "sara").await;

        // A template: refused without a title, with every fault at its field and the text kept.
        let page = sara.get("/ansatt/svarmaler").await;
        assert!(page.body.contains("Kontoret har ingen svarmaler ennå."), "{label}");
        let refused = sara.post("/ansatt/svarmaler", &[("id", ""), ("tittel", " "), ("tekst", "Vi har fått søknaden din.")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert_eq!(refused.field_error("tittel").as_deref(), Some("Gi malen en tittel."), "{label}");
        assert_eq!(refused.textarea("tekst").as_deref(), Some("Vi har fått søknaden din."), "{label}");
        let saved = sara.post("/ansatt/svarmaler", &[("id", ""), ("tittel", "Søknaden er mottatt"), ("tekst", "Vi har fått søknaden din og svarer så snart vi kan.")]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{label}: {}", saved.body);
        let list = html_unescape(&sara.get("/ansatt/svarmaler?lagret=ja").await.body);
        assert!(list.contains("Svarmalen er lagret.") && list.contains("Søknaden er mottatt") && list.contains("av Sara Lund"), "{label}: {list}");

        // Changing it keeps one template with the new text.
        let template_id = regex_lite::Regex::new(r#"endre=([0-9a-zA-Z-]+)"#).unwrap().captures(&list).unwrap()[1].to_owned();
        let edit = sara.get(&format!("/ansatt/svarmaler?endre={template_id}")).await;
        assert_eq!(edit.input_value("tittel").as_deref(), Some("Søknaden er mottatt"), "{label}");
        sara.post("/ansatt/svarmaler", &[("id", &template_id), ("tittel", "Søknaden er mottatt"), ("tekst", "Vi har fått søknaden din. Du får svar innen to uker.")]).await;
        let list = html_unescape(&sara.get("/ansatt/svarmaler").await.body);
        assert_eq!(list.matches("Søknaden er mottatt").count(), 2, "{label}: one template (its title and its edit link): {list}");
        assert!(list.contains("Du får svar innen to uker."), "{label}");
        // Another office's caseworker neither sees it nor can change it.
        let mut nina = staff(&app, "nina").await;
        assert!(!nina.get("/ansatt/svarmaler").await.body.contains("Søknaden er mottatt"), "{label}");
        assert_eq!(nina.get(&format!("/ansatt/svarmaler?endre={template_id}")).await.status, StatusCode::NOT_FOUND, "{label}");
        let other = nina.post("/ansatt/svarmaler", &[("id", &template_id), ("tittel", "Kapret"), ("tekst", "Kapret")]).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{label}");

        // Answering from the template: its text fills the answer, to adapt and send.
        let picked = sara.get(&format!("/ansatt/saker/{id}/meldinger?mal={template_id}")).await;
        assert_eq!(picked.textarea("melding").as_deref(), Some("Vi har fått søknaden din. Du får svar innen to uker."), "{label}");
        let token = picked.input_value("skjema").unwrap();
        let sent = sara.post(&format!("/ansatt/saker/{id}/meldinger"), &[("melding", "Hei Kari! Vi har fått søknaden din. Du får svar innen to uker."), ("skjema", &token)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}");

        // Routing: Kari writes again; Sara gives the conversation to Henrik, who sees it as his.
        write(&mut kari, &id, "Takk! Jeg har et spørsmål til.", false).await;
        let unknown = sara.post(&format!("/ansatt/saker/{id}/meldinger/fordel"), &[("til", "demo-nina")]).await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}: a caseworker at another office is no colleague");
        assert!(unknown.field_error("til").is_some(), "{label}");
        let routed = sara.post(&format!("/ansatt/saker/{id}/meldinger/fordel"), &[("til", "demo-henrik")]).await;
        assert_eq!(routed.status, StatusCode::SEE_OTHER, "{label}: {}", routed.body);
        let henrik = staff(&app, "henrik").await;
        let mut henrik = henrik;
        let inbox = html_unescape(&henrik.get("/ansatt/meldinger").await.body);
        let row = &inbox[inbox.find(&reference).unwrap()..];
        assert!(row.contains("<strong>Fordelt til Henrik Moe</strong>"), "{label}: in the shared inbox as his: {row}");
        assert!(html_unescape(&sara.get("/ansatt/meldinger").await.body).contains("Fordelt til Henrik Moe"), "{label}: and the others see whose it is");
        // Given back to the whole office.
        sara.post(&format!("/ansatt/saker/{id}/meldinger/fordel"), &[("til", "")]).await;
        assert!(!sara.get("/ansatt/meldinger").await.body.contains("Fordelt til Henrik Moe"), "{label}");
        // Logged on the case, and Kari sees it.
        assert!(html_unescape(&kari.get(&format!("/mine-soknader/{id}")).await.body).contains("ga meldingene dine til en saksbehandler"), "{label}");
        // Another office cannot route it.
        assert_eq!(nina.post(&format!("/ansatt/saker/{id}/meldinger/fordel"), &[("til", "demo-nina")]).await.status, StatusCode::NOT_FOUND, "{label}");
    }
}

#[tokio::test]
async fn a_helper_whose_power_covers_it_writes_on_the_persons_behalf() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (id, _, mut kari) = apply(&app, "Kari", "nb").await;
        let people = app.store.demo_people().await.unwrap();
        let fnr = |name: &str| people.iter().find(|p| p.fornavn == name).unwrap().fnr.as_str().to_owned();
        let case = format!("/mine-soknader/{id}");
        write(&mut kari, &id, "Hei, Ola hjelper meg med søknaden.", false).await;

        // A power that does not cover the conversation: Ola sees no messages and cannot write.
        kari.get(&case).await;
        let done = kari.post(&format!("{case}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", &fnr("Ola")), ("maneder", "3")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}: {}", done.body);
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        let view = html_unescape(&ola.get(&format!("/fullmakt/{id}")).await.body);
        assert!(!view.contains("Ola hjelper meg") && !view.contains(r#"id="meldinger""#), "{label}: the conversation is Kari's");
        let refused = ola.post(&format!("/fullmakt/{id}/meldinger"), &[("melding", "Hei"), ("skjema", "abcdefgh-1")]).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{label}");

        // Kari ends it and gives one that covers the conversation.
        let power = regex_lite::Regex::new(r#"/fullmakt/([0-9a-zA-Z-]+)/trekk-tilbake"#).unwrap().captures(&kari.get(&case).await.body).unwrap()[1].to_owned();
        kari.post(&format!("{case}/fullmakt/{power}/trekk-tilbake"), &[]).await;
        let done = kari.post(&format!("{case}/fullmakt"), &[("navn", "Ola Hansen"), ("fnr", &fnr("Ola")), ("maneder", "3"), ("meldinger", "ja")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{label}");
        assert!(kari.get(&case).await.body.contains("Kan lese og skrive meldinger"), "{label}");

        // Ola reads the conversation and writes, signed as himself on Kari's behalf.
        let view = ola.get(&format!("/fullmakt/{id}")).await;
        assert!(dialogue(&view.body).contains("Ola hjelper meg"), "{label}");
        let token = view.input_value("skjema").unwrap();
        let empty = ola.post(&format!("/fullmakt/{id}/meldinger"), &[("melding", " "), ("skjema", &token)]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(empty.field_error("melding").is_some(), "{label}");
        let sent = ola.post(&format!("/fullmakt/{id}/meldinger"), &[("melding", "Kari lurer på om husleien er med."), ("skjema", &token)]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        let after = dialogue(&ola.get(sent.location.as_deref().unwrap()).await.body);
        assert!(after.contains("Meldingen er sendt.") && after.contains("Ola Hansen på vegne av Kari Nordmann"), "{label}: {after}");

        // Kari sees who wrote it for her; the office sees it signed the same way; her audit list says so.
        let own = html_unescape(&kari.get(&case).await.body);
        assert!(dialogue(&own).contains("Ola Hansen på vegne av deg") && own.contains("skrev til kontoret for deg (fullmakt)"), "{label}");
        let mut sara = staff(&app, "sara").await;
        let office = html_unescape(&sara.get(&format!("/ansatt/saker/{id}/meldinger")).await.body);
        assert!(office.contains("Ola Hansen på vegne av Kari Nordmann") && office.contains("Kari lurer på om husleien er med."), "{label}");
        let (_, archive) = pdf(&sara, &format!("/ansatt/saker/{id}/arkiv.pdf")).await;
        if let Some(text) = velferd_testkit::pdf_tools::text(&archive) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains("Ola Hansen på vegne av Kari Nordmann"), "{label}: {text}");
        }

        // Someone with no power at all: nothing.
        let mut amina = app.browser("nb");
        amina.sign_in("Amina").await;
        amina.get("/mine-soknader").await;
        assert_eq!(amina.post(&format!("/fullmakt/{id}/meldinger"), &[("melding", "Hei"), ("skjema", "abcdefgh-2")]).await.status, StatusCode::NOT_FOUND, "{label}");
    }
}
