//! The ledger under `kill -9`: once Velferd has answered, what it acknowledged survives a crash of
//! the server at any moment.
//!
//! The real binary runs on SQLite and on PostgreSQL. In every round six citizens, each with a
//! finished draft, at once attach a photo and a PDF to it, send it, and send a document later
//! (ettersendelse) to an application of theirs from an earlier round, while a caseworker reads the
//! inbox and opens cases (audited reads); the server is killed with SIGKILL after a delay that
//! differs per round, from "at once" to "after most is done". Every answer a citizen saw is written
//! in a ledger. After the last round the files are aged past the sweep's grace period,
//! `velferd admin retention --delete` sweeps what the crashes left, and a restarted server must
//! show everything in the ledger: each attached file in its draft (with its preview) or in the
//! sent application, each receipt, each document sent later, every document readable; the audit
//! log verifies; and the file store holds no temp file and no file that no row names.
//!
//! `VELFERD_FAULT_ROUNDS=N` runs the whole ledger N times on each database (fresh databases each
//! time, new kill moments), for a longer run than the test command's (see the README).

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use velferd_testkit::process::{serve, Served};
use velferd_testkit::{fill_in, pdf_tools, Browser};

const BIN: &str = env!("CARGO_BIN_EXE_velferd");
const PEOPLE: [&str; 6] = ["Kari", "Ola", "Amina", "Jon", "Siri", "Eva"];
/// Where photos and PDFs are attached in every draft (the answers say the person rents).
const SLOT: &str = "husleiekontrakt.husleiekontrakt";

/// One answer a citizen saw, which must hold after any crash.
#[derive(Debug, Clone)]
enum Ack {
    /// A file attached to a draft (the documents page came back).
    Attached { person: &'static str, draft: String, name: String },
    /// A receipt shown.
    Received { person: &'static str, application: String },
    /// A document sent later to an application (the case page came back).
    SentLater { person: &'static str, application: String },
}

/// A phone-like photo of a page, different for every `seed` (a row of blocks spells it).
fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(360, 480, |x, y| {
        let bit = (x / 10) as usize;
        let mark = y < 10 && bit < 32 && (seed >> bit) & 1 == 1;
        let line = y > 40 && (y % 24) < 6 && x > 30 && x < 330;
        let v = if mark || line { 30 } else { 235 };
        image::Rgb([v, v, v.saturating_sub(10)])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img).write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A real one-page PDF, made by `velferd pdf` from a photo.
fn pdf(dir: &Path) -> Vec<u8> {
    let (jpg, out) = (dir.join("side.jpg"), dir.join("side.pdf"));
    std::fs::write(&jpg, photo(u32::MAX)).unwrap();
    let made = std::process::Command::new(BIN).args(["pdf", "-o"]).arg(&out).arg(&jpg).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    std::fs::read(&out).unwrap()
}

/// Posts one file to the draft's document; true when the documents page came back (kept).
async fn attach(b: &Browser, draft: &str, name: &str, bytes: Vec<u8>) -> bool {
    let form = Form::new().text("_csrf", b.csrf.clone()).part("filer", Part::bytes(bytes).file_name(name.to_owned()));
    let sent = b.client.post(format!("{}/soknad/{draft}/dokumenter/{SLOT}", b.base)).header("accept-language", "nb").multipart(form).send().await;
    sent.is_ok_and(|r| r.status() == StatusCode::SEE_OTHER && location(&r).is_some_and(|l| l.starts_with(&format!("/soknad/{draft}/dokumenter"))))
}

/// Sends one photo as "other documents" to an application already sent; true when the case page
/// came back (the submission is recorded).
async fn send_later(b: &Browser, application: &str, field: &str, name: &str, bytes: Vec<u8>) -> bool {
    let form = Form::new().text("_csrf", b.csrf.clone()).part(field.to_owned(), Part::bytes(bytes).file_name(name.to_owned()));
    let sent = b.client.post(format!("{}/mine-soknader/{application}/dokumenter", b.base)).header("accept-language", "nb").multipart(form).send().await;
    sent.is_ok_and(|r| r.status() == StatusCode::SEE_OTHER && location(&r).is_some_and(|l| l == format!("/mine-soknader/{application}#dokumenter")))
}

fn location(r: &reqwest::Response) -> Option<String> {
    r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned)
}

/// The upload field for "other documents" on an application's sending-later page.
async fn other_field(b: &mut Browser, application: &str) -> String {
    let page = b.get(&format!("/mine-soknader/{application}/dokumenter")).await;
    let re = regex_lite::Regex::new(r#"for="f-(fil-\d+)">Andre dokumenter<"#).unwrap();
    re.captures(&page.body).unwrap_or_else(|| panic!("no field for other documents: {}", page.body))[1].to_owned()
}

/// What one citizen does while the server may die: attach a photo and a PDF, send, send a
/// document later to an earlier application. Stops at the first request that gets no answer.
async fn act(person: &'static str, b: Browser, draft: String, later: Option<(String, String)>, seed: u32, pdf: Vec<u8>) -> Vec<Ack> {
    let mut acks = Vec::new();
    for (name, bytes) in [(format!("foto-{seed}.jpg"), photo(seed)), (format!("kontrakt-{seed}.pdf"), pdf)] {
        if !attach(&b, &draft, &name, bytes).await {
            return acks;
        }
        acks.push(Ack::Attached { person, draft: draft.clone(), name });
    }
    let mut b = b;
    match b.try_post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await.and_then(|p| p.location) {
        Some(receipt) if receipt.starts_with("/kvittering/") => acks.push(Ack::Received { person, application: receipt["/kvittering/".len()..].to_owned() }),
        _ => return acks,
    }
    if let Some((application, field)) = later {
        if send_later(&b, &application, &field, &format!("senere-{seed}.jpg"), photo(seed | 1 << 31)).await {
            acks.push(Ack::SentLater { person, application });
        }
    }
    acks
}

/// A caseworker reading the inbox and opening its first case, over and over, until the server
/// dies: audited reads under the same kills.
async fn staff_reads(sara: Browser) {
    loop {
        let Ok(inbox) = sara.client.get(format!("{}/ansatt/saker", sara.base)).send().await else { return };
        let Ok(body) = inbox.text().await else { return };
        let Some(case) = regex_lite::Regex::new(r#"href="(/ansatt/saker/[^"?#/]+)""#).unwrap().captures(&body).map(|c| c[1].to_owned()) else { return };
        if sara.client.get(format!("{}{case}", sara.base)).send().await.is_err() {
            return;
        }
    }
}

/// Delays before the kill in each round of one ledger run: the test command's five (the last long
/// enough for a whole application and a later sending on a loaded 2-core machine), or spread
/// over three seconds for run `run` of a longer one.
fn kill_moments(run: u64) -> Vec<u64> {
    match run {
        0 => vec![10, 150, 500, 1500, 5000],
        _ => (0..5).map(|i| (run * 7919 + i * 104_729) % 3000).collect(),
    }
}

/// Every file and temp file in a local file store's two-hex-digit folders.
fn stored(root: &Path) -> Vec<PathBuf> {
    let Ok(top) = std::fs::read_dir(root) else { return vec![] };
    top.flatten().filter(|d| d.file_name().len() == 2).flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten().map(|e| e.path())).collect()
}

/// Makes every file in the store look written two hours ago, past the sweep's grace period.
fn age(root: &Path) {
    let then = SystemTime::now() - Duration::from_secs(2 * 3600);
    for path in stored(root) {
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(then).unwrap();
    }
}

async fn start(db: &str, files: &Path) -> Served {
    serve(Path::new(BIN), db, files.to_str().unwrap(), &[]).await.unwrap()
}

async fn ledger(db: &velferd_store::testing::TestDatabase, run: u64) {
    let label = db.label;
    let dir = velferd_store::testing::temp_dir();
    let files = dir.0.join("files");
    let pdf = pdf(&dir.0);
    let mut acks: Vec<Ack> = Vec::new();
    for (round, delay_ms) in kill_moments(run).into_iter().enumerate() {
        let mut server = start(&db.url, &files).await;
        // Each citizen's finished draft, and an application of theirs to send a document to later.
        let mut prepared = Vec::new();
        for person in PEOPLE {
            let base = server.base.clone();
            let earlier = acks.iter().rev().find_map(|a| match a {
                Ack::Received { person: p, application } if *p == person => Some(application.clone()),
                _ => None,
            });
            prepared.push(tokio::spawn(async move {
                let mut b = Browser::new(&base, "nb");
                b.sign_in(person).await;
                let mut first = None;
                let application = match earlier {
                    Some(application) => application,
                    None => {
                        // Someone without an application yet sends one first, before the load.
                        let draft = fill_in(&mut b, "0301").await;
                        let sent = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
                        let application = sent.location.as_deref().and_then(|l| l.strip_prefix("/kvittering/")).expect("a receipt").to_owned();
                        first = Some(Ack::Received { person, application: application.clone() });
                        application
                    }
                };
                let later = Some((application.clone(), other_field(&mut b, &application).await));
                let draft = fill_in(&mut b, "0301").await;
                b.get(&format!("/soknad/{draft}/dokumenter")).await;
                (person, b, draft, later, first)
            }));
        }
        let mut sara = Browser::new(&server.base, "nb");
        sara.get("/ansatt/demo").await;
        sara.post("/ansatt/demo", &[("ansatt", "sara")]).await;
        let mut running = Vec::new();
        for (i, p) in prepared.into_iter().enumerate() {
            let (person, b, draft, later, first) = p.await.unwrap();
            acks.extend(first);
            let seed = (run as u32) << 16 | (round as u32) << 8 | i as u32;
            running.push(tokio::spawn(act(person, b, draft, later, seed, pdf.clone())));
        }
        let reading = tokio::spawn(staff_reads(sara));
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        server.kill();
        for r in running {
            acks.extend(r.await.unwrap());
        }
        reading.await.unwrap();
    }
    let count = |f: fn(&Ack) -> bool| acks.iter().filter(|a| f(a)).count();
    let (attached, received, later) = (count(|a| matches!(a, Ack::Attached { .. })), count(|a| matches!(a, Ack::Received { .. })), count(|a| matches!(a, Ack::SentLater { .. })));
    assert!(attached > 0 && received > 0 && later > 0, "{label}: too little finished before the kills to prove anything: {acks:?}");

    // What the crashes left is swept as an operator would, once it is older than the grace period.
    age(&files);
    let swept = std::process::Command::new(BIN).args(["admin", "retention", "--delete", "--database", &db.url, "--files"]).arg(&files).output().unwrap();
    let said = String::from_utf8_lossy(&swept.stdout);
    assert!(swept.status.success(), "{label}: {said}{}", String::from_utf8_lossy(&swept.stderr));
    let swept_line = said.lines().find(|l| l.starts_with("Deleted") && l.contains("temp files")).unwrap_or_default().to_owned();

    let server = start(&db.url, &files).await;
    verify(label, &server, &acks).await;

    let verified = std::process::Command::new(BIN).args(["audit", "verify", "--database", &db.url]).output().unwrap();
    assert!(verified.status.success(), "{label}: audit log after kill -9: {}{}", String::from_utf8_lossy(&verified.stdout), String::from_utf8_lossy(&verified.stderr));

    // Nothing half-written and nothing unnamed is left (the empty file is the start-up check's).
    let store = velferd_store::Store::connect(&db.url).await.unwrap();
    let empty = velferd_store::files::sha256_hex(b"");
    for path in stored(&files) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(velferd_store::files::is_file_name(&name), "{label}: a temp file of an interrupted write is left: {}", path.display());
        assert!(name == empty || store.file_is_named(&name).await.unwrap(), "{label}: a file no row names is left: {name}");
    }
    store.close().await;
    eprintln!("{label}: {attached} files attached, {received} receipts, {later} documents sent later confirmed before kill -9; {swept_line}");
}

/// Everything in the ledger, as its owner sees it on a restarted server.
async fn verify(label: &str, server: &Served, acks: &[Ack]) {
    for person in PEOPLE {
        let mut b = Browser::new(&server.base, "nb");
        b.sign_in(person).await;
        b.get("/mine-soknader").await;
        // Files attached to each draft: still in the draft, or in the application it became.
        let mut drafts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut applications: BTreeMap<String, usize> = BTreeMap::new(); // documents sent later
        for a in acks {
            match a {
                Ack::Attached { person: p, draft, name } if *p == person => drafts.entry(draft).or_default().push(name),
                Ack::Received { person: p, application } if *p == person => {
                    applications.entry(application.clone()).or_default();
                    let receipt = b.get(&format!("/kvittering/{application}")).await;
                    assert_eq!(receipt.status, StatusCode::OK, "{label}: {person}'s receipt {application} lost after kill -9");
                }
                Ack::SentLater { person: p, application } if *p == person => *applications.entry(application.clone()).or_default() += 1,
                _ => {}
            }
        }
        let mut attached_to: BTreeMap<String, usize> = BTreeMap::new();
        for (draft, names) in drafts {
            let page = b.get(&format!("/soknad/{draft}/dokumenter")).await;
            if page.status == StatusCode::OK {
                for name in &names {
                    assert!(page.body.contains(name), "{label}: {person}'s attached {name} is gone from draft {draft}");
                }
                for thumb in regex_lite::Regex::new(r#"src="(/soknad/[^"]+/bilde/[^"]+)""#).unwrap().captures_iter(&page.body) {
                    let preview = b.client.get(format!("{}{}", b.base, &thumb[1])).send().await.unwrap();
                    assert_eq!(preview.status(), StatusCode::OK, "{label}: a preview in {person}'s draft {draft} cannot be read");
                }
                continue;
            }
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{label}: {}", page.body);
            // Sent (perhaps without the receipt reaching the citizen): pressing send again finds it.
            let again = b.post(&format!("/soknad/{draft}/send"), &[("bekreft", "ja")]).await;
            let application = again
                .location
                .as_deref()
                .and_then(|l| l.strip_prefix("/kvittering/"))
                .unwrap_or_else(|| panic!("{label}: {person}'s draft {draft} with attached files is neither a draft nor sent: {}", again.status))
                .to_owned();
            attached_to.insert(application.clone(), names.len());
            applications.entry(application).or_default();
        }
        // Every document of every application in the ledger opens; the attached ones are in it.
        let link = regex_lite::Regex::new(r#"href="(/mine-soknader/[^"/]+/dokumenter/[0-9a-f]{64}\.pdf)">([^<]*)<"#).unwrap();
        for (application, sent_later) in &applications {
            let case = b.get(&format!("/mine-soknader/{application}")).await;
            assert_eq!(case.status, StatusCode::OK, "{label}: {person}'s application {application}");
            let documents: BTreeSet<(String, String)> = link.captures_iter(&case.body).map(|c| (c[1].to_owned(), c[2].to_owned())).collect();
            let mut others = 0;
            for (href, title) in &documents {
                let pdf = b.client.get(format!("{}{href}", b.base)).send().await.unwrap();
                assert_eq!(pdf.status(), StatusCode::OK, "{label}: {person}'s document {title} of {application} cannot be read");
                let bytes = pdf.bytes().await.unwrap();
                assert!(bytes.starts_with(b"%PDF-"), "{label}: {title}");
                if title == "Andre dokumenter" {
                    others += 1;
                }
                if let (Some(&files), "Husleiekontrakt", Some(pages)) = (attached_to.get(application), title.as_str(), pdf_tools::pages(&bytes)) {
                    assert!(pages >= files, "{label}: {person}'s {application}: {files} files attached, {pages} pages sent");
                }
            }
            assert!(others >= *sent_later, "{label}: {person}'s {application}: {sent_later} documents sent later confirmed, {others} there");
            if attached_to.contains_key(application) {
                assert!(documents.iter().any(|(_, t)| t == "Husleiekontrakt"), "{label}: {person}'s attached rent contract is not in {application}");
            }
        }
    }
}

#[tokio::test]
async fn what_was_acknowledged_survives_kill_9_and_nothing_is_left_behind() {
    let runs: u64 = std::env::var("VELFERD_FAULT_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
    for run in 0..runs {
        for db in velferd_store::testing::all().await {
            ledger(&db, run).await;
        }
    }
}
