//! With S3-compatible object storage as the file store (a real moto server), a citizen's uploaded
//! document lands in the bucket, named by its SHA-256, and comes back from there.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_store::testing::s3;
use velferd_testkit::{fill_in, TestApp};
use velferd_web::Config;

/// A phone-like photo of a page: light paper with dark text lines.
fn photo() -> Vec<u8> {
    let mut img = image::RgbImage::from_pixel(600, 800, image::Rgb([235, 230, 220]));
    for line in 0..20u32 {
        for x in 60..500 {
            for y in 0..6 {
                img.put_pixel(x, 80 + line * 30 + y, image::Rgb([30, 30, 30]));
            }
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn a_citizens_document_lands_in_the_bucket() {
    let Some(s3) = s3::server() else { return };
    let files = Arc::new(s3.files("dokumenter"));
    let app = TestApp::spawn_with_files(velferd_store::testing::sqlite(), Config { demo: true, ..Config::default() }, files).await;

    let mut kari = app.browser("nb");
    kari.sign_in("Kari").await;
    let draft = fill_in(&mut kari, "0301").await;
    let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
    let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();

    let page = kari.get(&format!("/mine-soknader/{id}/dokumenter")).await;
    let field = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Husleiekontrakt<"#).unwrap().captures(&page.body).expect("a field for the rent contract")[1].to_owned();
    let form = Form::new().text("_csrf", kari.csrf.clone()).part(field, Part::bytes(photo()).file_name("kontrakt.jpg"));
    let r = kari.client.post(format!("{}/mine-soknader/{id}/dokumenter", kari.base)).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap());

    // The PDF made from the photo is an object named by its SHA-256 under the prefix …
    let case = kari.get(&format!("/mine-soknader/{id}")).await;
    let href = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"]+/dokumenter/([0-9a-f]{64})\.pdf)">Husleiekontrakt<"#).unwrap();
    let found = href.captures(&case.body).unwrap_or_else(|| panic!("the case lists the document: {}", case.body));
    let (pdf_href, sha) = (found[1].to_owned(), found[2].to_owned());
    assert!(s3.keys("dokumenter").await.contains(&format!("dokumenter/{sha}")), "{:?}", s3.keys("dokumenter").await);
    let stored = s3.object(&format!("dokumenter/{sha}")).await.expect("the object");
    assert!(stored.starts_with(b"%PDF-"));

    // … and the citizen gets exactly those bytes back from the bucket.
    let pdf = kari.client.get(format!("{}{pdf_href}", kari.base)).send().await.unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.bytes().await.unwrap().as_ref(), stored.as_slice());

    // Changed in the bucket behind Velferd's back, it is not served as Kari's document.
    s3.put_object(&format!("dokumenter/{sha}"), b"%PDF-1.7 something else").await;
    let pdf = kari.client.get(format!("{}{pdf_href}", kari.base)).send().await.unwrap();
    assert_eq!(pdf.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!pdf.text().await.unwrap().contains("something else"));
}
