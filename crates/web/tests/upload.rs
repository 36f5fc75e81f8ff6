//! A citizen sends more documents to the application they already sent (ettersendelse): photos of
//! one document become one PDF on that application; bad files are refused at their field.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_testkit::{fill_in, Browser, TestApp};

/// A phone-like photo of a page: light paper with dark text lines.
fn photo(seed: u8) -> Vec<u8> {
    let mut img = image::RgbImage::from_pixel(600, 800, image::Rgb([235, 230, 220]));
    for line in 0..20u32 {
        for x in 60..(500 - u32::from(seed) * 3) {
            for y in 0..6 {
                img.put_pixel(x, 80 + line * 30 + y, image::Rgb([30, 30, 30]));
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn sent_application(app: &TestApp, who: &str) -> (Browser, String) {
    let mut b = app.browser("nb");
    b.sign_in(who).await;
    let draft = fill_in(&mut b, "0301").await;
    let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
    (b, id)
}

async fn upload(b: &mut Browser, id: &str, files: Vec<(&str, &str, Vec<u8>)>) -> (StatusCode, Option<String>, String) {
    b.get(&format!("/mine-soknader/{id}/dokumenter")).await;
    let mut form = Form::new().text("_csrf", b.csrf.clone());
    for (field, name, bytes) in files {
        form = form.part(field.to_owned(), Part::bytes(bytes).file_name(name.to_owned()));
    }
    let r = b.client.post(format!("{}/mine-soknader/{id}/dokumenter", b.base)).multipart(form).send().await.unwrap();
    let status = r.status();
    let location = r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    (status, location, r.text().await.unwrap())
}

#[tokio::test]
async fn photos_of_one_document_become_one_pdf_on_the_same_application() {
    for app in TestApp::all().await {
        let (mut kari, id) = sent_application(&app, "Kari").await;
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        assert!(
            page.body.contains("Kontoutskrift for brukskontoen") && page.body.contains("Husleiekontrakt") && page.body.contains("Andre dokumenter"),
            "one field per needed document: {}",
            page.body
        );
        let field_of = |label: &str| -> String {
            let re = regex_lite::Regex::new(&format!(r#"for="f-(fil-\d+)">{}<"#, regex_lite::escape(label))).unwrap();
            re.captures(&page.body).unwrap_or_else(|| panic!("no field {label}"))[1].to_owned()
        };
        let contract = field_of("Husleiekontrakt");

        let (status, location, body) =
            upload(&mut kari, &id, vec![(&contract, "side1.jpg", photo(1)), (&contract, "side2.jpg", photo(2)), (&contract, "side3.jpg", photo(3))]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}: {body}", app.db.label);
        assert_eq!(location.as_deref(), Some(format!("/mine-soknader/{id}#dokumenter").as_str()));
        assert_eq!(app.store.count_applications().await.unwrap(), 1, "the same application, not a new one");

        let case = kari.get(&format!("/mine-soknader/{id}")).await;
        let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/dokumenter/[0-9a-f]{64}\.pdf)">Husleiekontrakt<"#).unwrap();
        let pdf_href = href.captures(&case.body).unwrap_or_else(|| panic!("the case lists the document: {}", case.body))[1].to_owned();
        let pdf = kari.client.get(format!("{}{pdf_href}", kari.base)).send().await.unwrap();
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let bytes = pdf.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        if let Some(pages) = pdfinfo_pages(&bytes) {
            assert_eq!(pages, 3, "three photos, one PDF of three pages");
        }

        // Nobody else gets the document or the upload page.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.get(&pdf_href).await.status, StatusCode::NOT_FOUND);
        assert_eq!(ola.get(&format!("/mine-soknader/{id}/dokumenter")).await.status, StatusCode::NOT_FOUND);
        let (status, _, _) = upload(&mut ola, &id, vec![("fil-0", "x.jpg", photo(1))]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{}", app.db.label);
    }
}

#[tokio::test]
async fn a_bad_file_is_named_with_its_reason_and_the_good_ones_stay_chosen_with_previews() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (mut kari, id) = sent_application(&app, "Kari").await;
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
        let (status, _, body) = upload(&mut kari, &id, vec![("fil-0", "kontoutskrift.jpg", b"this is not a picture".to_vec()), ("fil-1", "kontrakt.jpg", photo(1))]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(body.contains("kontoutskrift.jpg er ikke et bilde eller en PDF vi kan lese."), "{body}");
        assert!(body.contains(r#"id="e-fil-0""#), "the message stands at the field");
        assert!(app.store.submissions(&id, &fnr).await.unwrap().is_empty(), "{label}: nothing is sent while a file is wrong");
        // The good file is kept and shown with its preview; nothing needs choosing again.
        assert!(body.contains("Filene som kunne brukes, er tatt vare på") && !body.contains("velge filene på nytt"), "{label}: {body}");
        let thumb = regex_lite::Regex::new(r#"<img src="(/mine-soknader/[^"]+/dokumenter/bilde/[^"]+)" alt="Side 1 av Husleiekontrakt""#).unwrap();
        let thumb = thumb.captures(&body).unwrap_or_else(|| panic!("{label}: a preview of the kept file: {body}"))[1].to_owned();
        assert!(body.contains("kontrakt.jpg") && body.contains("Én fil er valgt og klar til å sendes."), "{label}: {body}");
        let picture = kari.client.get(format!("{}{thumb}", kari.base)).send().await.unwrap();
        assert_eq!(picture.headers()["content-type"], "image/jpeg", "{label}");
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.get(&thumb).await.status, StatusCode::NOT_FOUND, "{label}: only Kari sees her files");

        // A HEIC picture is named too, and the kept file is still there.
        let (status, _, body) = upload(&mut kari, &id, vec![("fil-0", "bilde.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec())]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("HEIC") && body.contains("kontrakt.jpg"), "{body}");

        // She chooses a good bank statement and sends: both documents go, in one sending.
        let (status, location, body) = upload(&mut kari, &id, vec![("fil-0", "konto.jpg", photo(2))]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}: {body}");
        assert_eq!(location.as_deref(), Some(format!("/mine-soknader/{id}#dokumenter").as_str()));
        let sent = app.store.submissions(&id, &fnr).await.unwrap();
        let later: Vec<_> = sent.iter().filter(|s| !s.with_application).collect();
        assert_eq!(later.len(), 1, "{label}: one sending");
        let kinds: Vec<&str> = later[0].documents.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["kontooversikt", "husleiekontrakt"], "{label}: in the page's order");
        let vedlegg = later[0].vedlegg_json["vedlegg"].as_array().unwrap();
        assert!(vedlegg.iter().all(|v| v["status"] == "LastetOpp"), "{label}: {vedlegg:?}");
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        assert!(!page.body.contains("klar til å sendes"), "{label}: sent files are no longer waiting");

        // Nothing chosen: said so.
        let (status, _, body) = upload(&mut kari, &id, vec![]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Du har ikke valgt noen filer."));
    }
}

#[tokio::test]
async fn files_can_be_added_without_sending_turned_and_taken_out() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (mut kari, id) = sent_application(&app, "Kari").await;
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        let form = Form::new().text("_csrf", kari.csrf.clone()).text("handling", "legg-til").part("fil-1", Part::bytes(photo(3)).file_name("a.jpg"));
        let r = kari.client.post(format!("{}/mine-soknader/{id}/dokumenter", kari.base)).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        drop(page);
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        assert!(page.body.contains("a.jpg") && page.body.contains("Én fil er valgt"), "{label}: {}", page.body);
        let action = regex_lite::Regex::new(r#"action="(/mine-soknader/[^"]+/dokumenter/fil/[^"]+)""#).unwrap().captures(&page.body).expect("a button")[1].to_owned();
        assert_eq!(kari.post(&action, &[("handling", "roter")]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(kari.post(&action, &[("handling", "fjern")]).await.status, StatusCode::SEE_OTHER);
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        assert!(!page.body.contains("a.jpg"), "{label}: taken out");
    }
}

fn pdfinfo_pages(pdf: &[u8]) -> Option<usize> {
    velferd_testkit::pdf_tools::pages(pdf)
}

#[tokio::test]
async fn a_request_for_something_else_keeps_the_documents_the_receipt_said_to_send() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let (mut kari, id) = sent_application(&app, "Kari").await;
        let mut sara = app.browser("nb");
        sara.get("/ansatt/demo").await;
        sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
        let case = sara.get(&format!("/ansatt/saker/{id}")).await;
        let version = case.input_value("versjon").unwrap_or_else(|| panic!("{label}: {}", case.body));
        let t = time::OffsetDateTime::now_utc() + time::Duration::days(8);
        let deadline = format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
        let asked = sara
            .post(
                &format!("/ansatt/saker/{id}/handling"),
                &[("versjon", &version), ("handling", "etterspor"), ("dokumenter", "nedbetalingsplan.avdraglaan"), ("frist", &deadline), ("sprak", "nb")],
            )
            .await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{label}: {}", asked.body);

        // The request comes first (its place is its number in the task's link), and the documents
        // her receipt told her to send here are still there, with "other" last.
        let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
        let labels: Vec<String> = regex_lite::Regex::new(r#"for="f-fil-\d+">([^<]+)<"#).unwrap().captures_iter(&page.body).map(|c| c[1].to_owned()).collect();
        assert!(labels.first().is_some_and(|l| l.contains("Nedbetalingsplan")), "{label}: the request first: {labels:?}");
        for promised in ["Husleiekontrakt", "Kontoutskrift for brukskontoen"] {
            assert!(labels.iter().any(|l| l.starts_with(promised)), "{label}: {promised} is still offered after a request for something else: {labels:?}");
        }
        assert_eq!(labels.last().map(String::as_str), Some("Andre dokumenter"), "{label}: {labels:?}");
        assert_eq!(labels.iter().filter(|l| l.as_str() == "Andre dokumenter").count(), 1, "{label}");
    }
}
