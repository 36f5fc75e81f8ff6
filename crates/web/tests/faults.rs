//! When the file store cannot be written (disk full, a folder gone, a mount lost), the citizen gets
//! a clear page that says nothing was sent and what they typed is kept (503 with Retry-After), never
//! a half-stored application; once the store is back, the same press sends it. On both databases.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_testkit::{fill_in, TestApp};

fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(800, 1000, |x, y| {
        let on_line = (y % 28) < 8 && x > 40 && x < 760;
        let v = if on_line { 40 } else { 235 };
        image::Rgb([v, v, v])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn a_file_store_that_cannot_be_written_gives_a_clear_page_and_no_half_application() {
    for db in velferd_store::testing::all().await {
        let label = db.label;
        let dir = velferd_store::testing::temp_dir();
        let root = dir.0.join("files");
        let files = std::sync::Arc::new(velferd_store::LocalFiles::new(&root));
        let app = TestApp::spawn_with_files(db, velferd_web::Config { demo: true, ..velferd_web::Config::default() }, files).await;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let form = Form::new().text("_csrf", kari.csrf.clone()).part("filer", Part::bytes(photo()).file_name("kontrakt.jpg"));
        let r = kari.client.post(format!("{}/soknad/{draft}/dokumenter/husleiekontrakt.husleiekontrakt", kari.base)).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}: the photo is attached");

        // The store's folder is replaced by a plain file: nothing can be read or written there,
        // not even by root.
        let away = dir.0.join("files-away");
        std::fs::rename(&root, &away).unwrap();
        std::fs::write(&root, b"not a folder").unwrap();
        kari.get(&format!("/soknad/{draft}/oppsummering")).await;
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(sent.status, StatusCode::SERVICE_UNAVAILABLE, "{label}: {}", sent.body);
        assert!(sent.body.contains("Ingenting er sendt") && sent.body.contains("tatt vare på"), "{label}: says what happened: {}", sent.body);
        assert_eq!(app.store.count_applications().await.unwrap(), 0, "{label}: no half application");
        let summary = kari.get(&format!("/soknad/{draft}/oppsummering")).await;
        assert_eq!(summary.status, StatusCode::OK, "{label}: the draft is still there");

        // The store is back: the same press sends it, with the document.
        std::fs::remove_file(&root).unwrap();
        std::fs::rename(&away, &root).unwrap();
        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}: {}", sent.body);
        assert!(sent.location.as_deref().is_some_and(|l| l.starts_with("/kvittering/")), "{label}");
        assert_eq!(app.store.count_applications().await.unwrap(), 1, "{label}");
    }
}

/// Sends Kari's application (without documents) and returns its id.
async fn sent_application(kari: &mut velferd_testkit::Browser) -> String {
    let draft = fill_in(kari, "0301").await;
    let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    sent.location.unwrap().trim_start_matches("/kvittering/").to_owned()
}

#[tokio::test]
async fn a_file_chosen_while_the_store_cannot_be_written_is_refused_clearly_and_kept_nowhere() {
    for db in velferd_store::testing::all().await {
        let label = db.label;
        let dir = velferd_store::testing::temp_dir();
        let root = dir.0.join("files");
        let files = std::sync::Arc::new(velferd_store::LocalFiles::new(&root));
        let app = TestApp::spawn_with_files(db, velferd_web::Config { demo: true, ..velferd_web::Config::default() }, files).await;
        let fnr = app.store.demo_people().await.unwrap().into_iter().find(|p| p.fornavn == "Kari").unwrap().fnr;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let id = sent_application(&mut kari).await;
        let draft = fill_in(&mut kari, "0301").await;
        kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let attach = |kari: &velferd_testkit::Browser| {
            let form = Form::new().text("_csrf", kari.csrf.clone()).part("filer", Part::bytes(photo()).file_name("kontrakt.jpg"));
            kari.client.post(format!("{}/soknad/{draft}/dokumenter/husleiekontrakt.husleiekontrakt", kari.base)).multipart(form).send()
        };
        let send_later = |kari: &velferd_testkit::Browser| {
            let form = Form::new().text("_csrf", kari.csrf.clone()).part("fil-0", Part::bytes(photo()).file_name("kontrakt.jpg"));
            kari.client.post(format!("{}/mine-soknader/{id}/dokumenter", kari.base)).multipart(form).send()
        };

        // The store's folder is replaced by a plain file (as root, a read-only folder would still
        // be written): neither the draft's page nor sending later can keep the photo.
        let away = dir.0.join("files-away");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::rename(&root, &away).unwrap();
        std::fs::write(&root, b"not a folder").unwrap();
        for (what, r) in [("attach", attach(&kari).await.unwrap()), ("send later", send_later(&kari).await.unwrap())] {
            assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE, "{label}: {what}");
            assert!(r.headers().contains_key("retry-after"), "{label}: {what}");
            let body = r.text().await.unwrap();
            assert!(body.contains("Vi får ikke lagret akkurat nå") && body.contains("Ingenting er sendt"), "{label}: {what} says what happened: {body}");
        }
        assert!(app.store.draft_files(&draft, &fnr).await.unwrap().is_empty(), "{label}: no file row without its file");
        assert!(app.store.pending_files(&id, &fnr, &fnr).await.unwrap().is_empty(), "{label}: nothing kept for sending later");
        assert!(app.store.submissions(&id, &fnr).await.unwrap().is_empty(), "{label}: nothing sent later");
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert_eq!(page.status, StatusCode::OK, "{label}: the draft's documents page still opens");

        // The store is back: the same photo is kept, and sent later.
        std::fs::remove_file(&root).unwrap();
        std::fs::rename(&away, &root).unwrap();
        assert_eq!(attach(&kari).await.unwrap().status(), StatusCode::SEE_OTHER, "{label}");
        assert_eq!(app.store.draft_files(&draft, &fnr).await.unwrap().len(), 1, "{label}");
        assert_eq!(send_later(&kari).await.unwrap().status(), StatusCode::SEE_OTHER, "{label}");
        assert_eq!(app.store.submissions(&id, &fnr).await.unwrap().len(), 1, "{label}");
    }
}
