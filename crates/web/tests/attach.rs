//! A citizen attaches documents while writing the application, as on a phone without JavaScript:
//! 8 photos of 3 documents become 3 upright PDFs, every page has a thumbnail first, pages can be
//! turned, moved and removed, bad and duplicate files are named with a reason, and the office gets
//! one merged PDF with a contents page. Both databases; PDFs checked with poppler's pdfinfo.

#![allow(clippy::unwrap_used)]

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::Value;
use velferd_domain::ids::Kommunenummer;
use velferd_testkit::case_system::{Body, CaseSystem};
use velferd_testkit::{fill_in, Browser, TestApp};

/// A phone photo of a text page, `w` × `h` pixels, lit with `light` (1.0 is well lit).
fn photo(w: u32, h: u32, seed: u32, light: f32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let on_line = (y % 28) < 8 && x > 40 && x < w - 40 && !(x / 23 + seed).is_multiple_of(7);
        let v = if on_line { 40.0 } else { 235.0 } * light;
        image::Rgb([v as u8, v as u8, (v * 0.97) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn attach(b: &mut Browser, draft: &str, slot: &str, files: Vec<(&str, Vec<u8>)>) -> (StatusCode, String) {
    b.get(&format!("/soknad/{draft}/dokumenter")).await;
    let mut form = Form::new().text("_csrf", b.csrf.clone());
    for (name, bytes) in files {
        form = form.part("filer", Part::bytes(bytes).file_name(name.to_owned()));
    }
    let r = b.client.post(format!("{}/soknad/{draft}/dokumenter/{slot}", b.base)).header("accept-language", "nb").multipart(form).send().await.unwrap();
    let status = r.status();
    (status, r.text().await.unwrap())
}

/// The buttons' form actions for page `file` of the documents page, by their button value.
fn page_action(body: &str, alt: &str, action: &str) -> String {
    let re = regex_lite::Regex::new(&format!(
        r#"action="([^"]+)"><input type="hidden" name="_csrf" value="[^"]*"><button[^>]*value="{action}">[^<]*<span class="vf-sr"> {}</span>"#,
        regex_lite::escape(alt)
    ))
    .unwrap();
    re.captures(body).unwrap_or_else(|| panic!("no {action} button for {alt}"))[1].to_owned()
}

fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let dir = velferd_store::testing::temp_dir();
    let path = dir.0.join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfinfo").args(["-f", "1", "-l", "999"]).arg(&path).output().expect("pdfinfo (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout);
    let re = regex_lite::Regex::new(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts").unwrap();
    re.captures_iter(&text).map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap())).collect()
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = velferd_store::testing::temp_dir();
    let path = dir.0.join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn eight_photos_of_three_documents_become_three_upright_pdfs_and_one_merged_pdf_for_the_office() {
    for app in TestApp::all().await {
        let label = app.db.label;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        for heading in ["Husleiekontrakt", "Kontoutskrift for brukskontoen", "Lønnsslipp", "Andre dokumenter"] {
            assert!(page.body.contains(heading), "{label}: a place for {heading}: {}", page.body);
        }
        assert!(page.body.contains(r#"capture="environment""#), "the camera opens directly on a phone");

        // The rent contract: three pages, the second photographed sideways (landscape).
        let (status, body) = attach(
            &mut kari,
            &draft,
            "husleiekontrakt.husleiekontrakt",
            vec![("s1.jpg", photo(600, 800, 1, 1.0)), ("s2.jpg", photo(800, 600, 2, 1.0)), ("s3.jpg", photo(600, 800, 3, 1.0))],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}: {body}");
        let (status, _) = attach(
            &mut kari,
            &draft,
            "kontooversikt.brukskonto",
            vec![("k1.jpg", photo(600, 800, 4, 1.0)), ("k2.jpg", photo(600, 800, 5, 1.0)), ("k3.jpg", photo(600, 800, 6, 1.0))],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // Two pay slips, one very dark: attached, with a warning in plain words.
        let (status, _) = attach(&mut kari, &draft, "lonnslipp.arbeid", vec![("l1.jpg", photo(600, 800, 7, 1.0)), ("l2.jpg", photo(600, 800, 8, 0.15))]).await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let thumbs: Vec<String> = regex_lite::Regex::new(r#"<img src="([^"]+)" alt="Side"#).unwrap().captures_iter(&page.body).map(|c| c[1].to_owned()).collect();
        assert_eq!(thumbs.len(), 8, "{label}: a thumbnail of every page");
        assert!(page.body.contains("Bildet er for mørkt. Ta bildet på nytt nærmere et vindu"), "{}", page.body);
        for t in &thumbs {
            let r = kari.client.get(format!("{}{t}", kari.base)).send().await.unwrap();
            assert_eq!(r.headers()["content-type"], "image/jpeg");
        }
        // Nobody else sees the thumbnails.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        assert_eq!(ola.client.get(format!("{}{}", ola.base, thumbs[0])).send().await.unwrap().status(), StatusCode::NOT_FOUND);

        // The same photo again, and a file that is no picture: each named with its reason, the
        // good file in the same sending kept.
        let (status, body) =
            attach(&mut kari, &draft, "annet.annet", vec![("s1-igjen.jpg", photo(600, 800, 1, 1.0)), ("notat.txt", b"hei".to_vec()), ("ekstra.jpg", photo(600, 800, 9, 1.0))])
                .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("s1-igjen.jpg er allerede lagt ved under Husleiekontrakt"), "{body}");
        assert!(body.contains("notat.txt er ikke et bilde eller en PDF vi kan lese"), "{body}");
        assert!(body.contains("ekstra.jpg"), "the good file is attached");

        // Remove the extra page, turn the sideways page upright, move the last contract page first.
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let remove = page_action(&page.body, "Side 1 av Andre dokumenter", "fjern");
        assert_eq!(kari.post(&remove, &[("handling", "fjern")]).await.status, StatusCode::SEE_OTHER);
        let turn = page_action(&page.body, "Side 2 av Husleiekontrakt", "roter");
        assert_eq!(kari.post(&turn, &[("handling", "roter")]).await.status, StatusCode::SEE_OTHER);
        let earlier = page_action(&page.body, "Side 3 av Husleiekontrakt", "opp");
        assert_eq!(kari.post(&earlier, &[("handling", "opp")]).await.status, StatusCode::SEE_OTHER);
        // Someone else's forged change does nothing.
        let mut ola = app.browser("nb");
        ola.sign_in("Ola").await;
        ola.get("/soknad").await;
        assert_eq!(ola.post(&turn, &[("handling", "roter")]).await.status, StatusCode::NOT_FOUND, "{label}");

        // The tax return: the office already has it.
        kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert_eq!(kari.post(&format!("/soknad/{draft}/dokumenter/skattemelding.skattemelding/valg"), &[("valg", "tidligere")]).await.status, StatusCode::SEE_OTHER);
        let summary = kari.get(&format!("/soknad/{draft}/oppsummering")).await;
        assert!(summary.body.contains("lagt ved (3 sider)") && summary.body.contains("kontoret har det allerede") && summary.body.contains("sendes senere"), "{}", summary.body);

        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{label}");
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();

        // The office: vedlegg.json says what came and what did not; three PDFs, every page upright.
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo", 0).await.unwrap();
        let office = CaseSystem::connect(&app.base, &key.secret).await;
        let (_, one) = office.call("getApplication", Some(&id), &[], None).await;
        assert_eq!(velferd_formats::validate(velferd_formats::Kind::Vedlegg, &one["vedlegg"]).unwrap(), vec![]);
        let status_of = |kind: &str| one["vedlegg"]["vedlegg"].as_array().unwrap().iter().find(|v| v["type"] == kind).map(|v| v["status"].as_str().unwrap().to_owned());
        assert_eq!(status_of("husleiekontrakt").as_deref(), Some("LastetOpp"));
        assert_eq!(status_of("lonnslipp").as_deref(), Some("LastetOpp"));
        assert_eq!(status_of("skattemelding").as_deref(), Some("VedleggAlleredeSendt"));
        assert_eq!(status_of("annet"), None, "the removed extra page left nothing under other");
        let files: Vec<&Value> = one["filer"].as_array().unwrap().iter().skip(1).collect();
        assert_eq!(files.len(), 3, "{label}: {one}");
        let mut pages = Vec::new();
        for f in &files {
            let sha = f["sha256"].as_str().unwrap();
            let pdf = office.send("getFile", &[("id", &id), ("sha256", sha)], &[], Body::None).await.bytes;
            let sizes = page_sizes(&pdf);
            assert!(sizes.iter().all(|(w, h)| h > w), "{label}: every page upright (portrait): {sizes:?}");
            pages.push((f["vedlegg"]["type"].as_str().unwrap().to_owned(), sizes.len()));
        }
        pages.sort();
        assert_eq!(pages, vec![("husleiekontrakt".into(), 3), ("kontooversikt".into(), 3), ("lonnslipp".into(), 2)]);
        assert!(office.call("listSubmissions", Some(&id), &[], None).await.1["ettersendelser"].as_array().unwrap().is_empty(), "not an ettersendelse");

        // One merged PDF: a contents page, then the 8 pages.
        let merged = office.send("getApplicationDocumentsPdf", &[("id", &id)], &[], Body::None).await;
        assert_eq!(merged.status, StatusCode::OK);
        assert_eq!(page_sizes(&merged.bytes).len(), 9, "{label}");
        let text = pdf_text(&merged.bytes);
        assert!(text.contains("Innhold") && text.contains("Husleiekontrakt") && text.contains("side 2–4"), "{text}");

        // The citizen sees the documents on the case page; the originals and thumbnails are gone.
        let case = kari.get(&format!("/mine-soknader/{id}")).await;
        assert!(case.body.contains("Husleiekontrakt"), "{}", case.body);
        let r = kari.client.get(format!("{}{}", kari.base, thumbs[0])).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn upload_limits_are_configurable_and_say_what_they_are() {
    use velferd_web::limits::UploadLimits;
    for db in velferd_store::testing::all().await {
        let uploads = UploadLimits { max_file_bytes: 1024 * 1024, max_files: 2, max_total_bytes: 50 * 1024 * 1024 };
        let app = TestApp::spawn_with(db, velferd_web::Config { demo: true, uploads, ..velferd_web::Config::default() }).await;
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert!(page.body.contains("høyst 1 MB hver"), "the hint says the configured limit");

        // Noise does not compress: a PNG of it is well over 1 MB.
        let mut seed = 1u32;
        let noise = image::RgbImage::from_fn(900, 900, |_, _| {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            image::Rgb([(seed >> 24) as u8, (seed >> 16) as u8, (seed >> 8) as u8])
        });
        let mut big = std::io::Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(noise).write_to(&mut big, image::ImageFormat::Png).unwrap();
        let big = big.into_inner();
        assert!(big.len() > 1024 * 1024);
        let (status, body) = attach(&mut kari, &draft, "annet.annet", vec![("stor.png", big)]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.db.label);
        assert!(body.contains("stor.png er større enn 1 MB"), "{body}");

        let (status, body) =
            attach(&mut kari, &draft, "annet.annet", vec![("a.jpg", photo(300, 400, 1, 1.0)), ("b.jpg", photo(300, 400, 2, 1.0)), ("c.jpg", photo(300, 400, 3, 1.0))]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("c.jpg ble ikke lagt ved: du kan legge ved høyst 2 filer"), "{body}");
        assert_eq!(regex_lite::Regex::new(r#"<img src="#).unwrap().find_iter(&body).count(), 2, "the first two are kept");
    }
}

#[tokio::test]
async fn a_pdf_shows_its_pages_and_is_split_into_pages_that_are_turned_and_removed_one_by_one() {
    /// The forms' targets for each kept file of the page, in the page's order.
    fn file_actions(body: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in regex_lite::Regex::new(r#"action="(/soknad/[^"]+/dokumenter/fil/[^"]+)""#).unwrap().captures_iter(body) {
            if !out.contains(&c[1].to_owned()) {
                out.push(c[1].to_owned());
            }
        }
        out
    }
    for app in TestApp::all().await {
        let mut kari = app.browser("nb");
        kari.sign_in("Kari").await;
        let draft = fill_in(&mut kari, "0301").await;
        let pages: Vec<Vec<u8>> = (1..=3).map(|i| photo(600, 800, i, 1.0)).collect();
        let inputs: Vec<velferd_documents::photos::Input<'_>> = pages.iter().map(|p| velferd_documents::photos::Input::new("p.jpg", p)).collect();
        let bank_pdf = velferd_documents::photos::combine(&inputs, &velferd_documents::photos::Limits::default()).unwrap();
        let (status, body) = attach(&mut kari, &draft, "kontooversikt.brukskonto", vec![("konto.pdf", bank_pdf)]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{}: {body}", app.db.label);
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let alt = "Fil 1 av Kontoutskrift for brukskontoen, siste måned (PDF, 3 sider)";
        let src =
            regex_lite::Regex::new(&format!(r#"<img src="([^"]+)" alt="{}""#, regex_lite::escape(alt))).unwrap().captures(&page.body).unwrap_or_else(|| panic!("{}", page.body))[1]
                .to_owned();
        let sheet = kari.client.get(format!("{}{src}", kari.base)).send().await.unwrap().bytes().await.unwrap();
        let sheet = image::load_from_memory(&sheet).expect("a picture of the pages");
        assert!(sheet.width() > sheet.height(), "three pages side by side: {}x{}", sheet.width(), sheet.height());
        let dark = sheet.to_luma8().pixels().filter(|p| p[0] < 110).count();
        assert!(dark > 200, "the pages' text lines are drawn ({dark} dark pixels)");
        assert!(page.body.contains(&format!("Del opp i enkeltsider<span class=\"vf-sr\"> {alt}")), "a PDF of several pages can be split");

        // Split into pages, then turn the second and take the third out: plain forms, no JavaScript.
        let whole = file_actions(&page.body);
        assert_eq!(whole.len(), 1, "{}", app.db.label);
        assert_eq!(kari.post(&whole[0], &[("handling", "del")]).await.status, StatusCode::SEE_OTHER);
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        let parts = file_actions(&page.body);
        assert_eq!(parts.len(), 3, "one file per page: {}", page.body);
        assert!(!page.body.contains("Del opp i enkeltsider<span"), "a single page is not split again");
        for n in 1..=3 {
            assert!(page.body.contains(&format!("Fil {n} av Kontoutskrift for brukskontoen, siste måned (PDF, én side)")), "page {n} is its own file");
        }
        let thumb = |body: &str, n: usize| {
            let alt = format!("Fil {n} av Kontoutskrift for brukskontoen, siste måned (PDF, én side)");
            regex_lite::Regex::new(&format!(r#"<img src="([^"]+)" alt="{}""#, regex_lite::escape(&alt))).unwrap().captures(body).unwrap_or_else(|| panic!("{body}"))[1].to_owned()
        };
        let picture = |bytes: &[u8]| image::load_from_memory(bytes).expect("a page's picture");
        let before = picture(&kari.client.get(format!("{}{}", kari.base, thumb(&page.body, 2))).send().await.unwrap().bytes().await.unwrap());
        assert!(before.height() > before.width(), "one portrait page: {}x{}", before.width(), before.height());
        assert_eq!(kari.post(&parts[1], &[("handling", "roter")]).await.status, StatusCode::SEE_OTHER);
        assert_eq!(kari.post(&parts[2], &[("handling", "fjern")]).await.status, StatusCode::SEE_OTHER);
        let page = kari.get(&format!("/soknad/{draft}/dokumenter")).await;
        assert_eq!(file_actions(&page.body).len(), 2);
        let after = picture(&kari.client.get(format!("{}{}", kari.base, thumb(&page.body, 2))).send().await.unwrap().bytes().await.unwrap());
        assert!(after.width() > after.height(), "the turned page is shown turned: {}x{}", after.width(), after.height());

        let sent = kari.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
        let id = sent.location.unwrap().rsplit('/').next().unwrap().to_owned();
        let key = app.store.create_api_key(&Kommunenummer::parse("0301").unwrap(), "Oslo", 0).await.unwrap();
        let office = CaseSystem::connect(&app.base, &key.secret).await;
        let (_, one) = office.call("getApplication", Some(&id), &[], None).await;
        let sha = one["filer"][1]["sha256"].as_str().unwrap().to_owned();
        let pdf = office.send("getFile", &[("id", &id), ("sha256", &sha)], &[], Body::None).await.bytes;
        let sizes = page_sizes(&pdf);
        assert_eq!(sizes.len(), 2, "the page taken out is not sent: {}", app.db.label);
        assert!(sizes[0].1 > sizes[0].0 && sizes[1].0 > sizes[1].1, "page 1 as it was, page 2 turned: {sizes:?}");
    }
}
