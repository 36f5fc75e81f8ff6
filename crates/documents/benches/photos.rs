//! Benchmark: phone photos of a text page into one A4 PDF, `photos::combine` against img2pdf
//! (PyPI) and ImageMagick `convert` (Debian) on the same inputs, side by side in one run.
//!
//! Run: `./scripts/bench-photos` (installs imagemagick, tesseract-ocr, poppler-utils and img2pdf when
//! missing, then `cargo bench -p velferd-documents --bench photos`). Prints one markdown table:
//! time (median of 3), output size and an OCR word match for each tool, then whether the goals are
//! met: output no larger than img2pdf's re-encoded equivalent, time at most ImageMagick's, text
//! still readable.
//!
//! The inputs are made here, deterministically: eight 12-megapixel photos (3000×4000, or 4000×3000
//! stored with EXIF orientation 6 or 8, one stored upside down with orientation 3) of an A4 page
//! of real words drawn with DejaVu Sans, slightly tilted on a desk, under warm uneven light (some
//! underexposed), slightly blurred and noisy, saved as JPEG quality 92 like a phone does.
//!
//! Readability: tesseract reads one input photo (turned upright) and the same page of each
//! output (rendered with `pdftoppm -r 150`); the share of the input's words of four letters or
//! more that are found again is reported. Every page of every output is also read and compared
//! with the words drawn on it: a page turned sideways or upside down reads as nothing, so a page
//! where OCR finds at least half of its words is upright.
//!
//! `cargo test --all-targets` runs this binary too, without `--bench`: then it only pushes one
//! small generated photo through `combine` (no external tools) and exits.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use velferd_documents::photos::{combine, Input, Limits};

/// Timed runs per tool; the median is reported.
const RUNS: usize = 3;
/// The input whose text is read back with OCR (1-based): turned by EXIF and underexposed.
const OCR_PAGE: usize = 3;
/// The darkest photo (exposure 0.13, the strongest shadow) and the most tilted one (2.5°), whose
/// pages get OCR columns of their own.
const DARK_PAGE: usize = 4;
const TILTED_PAGE: usize = 5;

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        full_run();
    } else {
        smoke_run();
    }
}

#[path = "../tests/support/phone_photo.rs"]
mod phone_photo;

use phone_photo::{long_words, phone_jpeg, photograph, SHOTS};

// ------------------------------------------------------------------------------------ smoke run

fn smoke_run() {
    let start = Instant::now();
    let photo = phone_jpeg(&photograph(&SHOTS[1], 1, 150).0, 6);
    let pdf = combine(&[Input::new("smoke.jpg", &photo)], &Limits::default()).expect("combine");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    println!("photos bench: smoke run only ({} ms); the comparison runs under `cargo bench -p velferd-documents --bench photos`", start.elapsed().as_millis());
}

// ------------------------------------------------------------------------------------ full run

struct Row {
    tool: String,
    time: Duration,
    bytes: u64,
    pdf: PathBuf,
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn timed(mut run: impl FnMut() -> Result<(), String>) -> Result<Duration, String> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        run()?;
        samples.push(start.elapsed());
    }
    Ok(median(samples))
}

/// Runs `program args…`, failing with its error output.
fn run(program: &str, args: &[&str]) -> Result<String, String> {
    let output = Command::new(program).args(args).stdin(Stdio::null()).output().map_err(|e| format!("{program}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{program} {}: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn version(program: &str, arg: &str) -> Option<String> {
    let output = Command::new(program).arg(arg).stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    text.lines().next().map(|l| l.trim().to_string())
}

/// ImageMagick's own binary: Debian's `convert-im6.q16` (bypassing any `convert` wrapper earlier on
/// PATH), ImageMagick 7's `magick`, or plain `convert`.
fn imagemagick() -> Option<String> {
    ["convert-im6.q16", "magick", "convert"].into_iter().find(|p| version(p, "-version").is_some_and(|v| v.contains("ImageMagick"))).map(str::to_string)
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn full_run() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-photos");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("reencoded")).expect("bench directory");
    let p = |name: &str| dir.join(name).to_string_lossy().into_owned();

    // Inputs.
    let start = Instant::now();
    let mut inputs = Vec::new();
    let mut drawn_words = Vec::new();
    for (i, shot) in SHOTS.iter().enumerate() {
        let (upright, words) = photograph(shot, i, 3000);
        drawn_words.push(words);
        let path = dir.join(format!("photo-{}.jpg", i + 1));
        std::fs::write(&path, phone_jpeg(&upright, shot.orientation)).expect("write photo");
        if i + 1 == OCR_PAGE {
            upright.save(dir.join("ocr-input-upright.png")).expect("write upright PNG");
        }
        inputs.push(path.to_string_lossy().into_owned());
    }
    let input_bytes: u64 = inputs.iter().map(|i| file_size(Path::new(i))).sum();
    println!("Generated {} photos in {} ({:.1} MB, {:.1} s)", inputs.len(), dir.display(), input_bytes as f64 / 1e6, start.elapsed().as_secs_f64());

    let mut rows: Vec<Row> = Vec::new();
    let mut add = |tool: &str, file: &str, result: Result<Duration, String>| match result {
        Ok(time) => {
            let pdf = dir.join(file);
            rows.push(Row { tool: tool.into(), time, bytes: file_size(&pdf), pdf });
        }
        Err(e) => println!("SKIPPED {tool}: {e}"),
    };

    // Velferd: read the files, combine, write the PDF (in process, one thread).
    let out = p("velferd.pdf");
    add(
        "Velferd `photos::combine`",
        "velferd.pdf",
        timed(|| {
            let bytes: Vec<Vec<u8>> = inputs.iter().map(|i| std::fs::read(i).expect("read photo")).collect();
            let list: Vec<Input<'_>> = bytes.iter().map(|b| Input::new("photo.jpg", b)).collect();
            let pdf = combine(&list, &Limits::default()).map_err(|e| e.to_string())?;
            std::fs::write(&out, pdf).map_err(|e| e.to_string())
        }),
    );

    let inputs_ref: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let magick = imagemagick();
    let have_img2pdf = version("img2pdf", "--version").is_some();

    // img2pdf as it is: the original JPEGs embedded losslessly, EXIF rotation as /Rotate.
    if have_img2pdf {
        let out = p("img2pdf-as-is.pdf");
        let mut args = vec!["--pagesize", "A4", "-o", out.as_str()];
        args.extend(&inputs_ref);
        add("img2pdf, as is (no re-encoding)", "img2pdf-as-is.pdf", timed(|| run("img2pdf", &args).map(drop)));
    } else {
        println!("SKIPPED img2pdf: not installed (pip install img2pdf)");
    }

    match &magick {
        Some(im) if have_img2pdf => {
            // The same re-encoding as Velferd's (upright, long side ≤ 2000 px, JPEG quality 75,
            // metadata dropped) done with ImageMagick, then img2pdf; the time counts both.
            for (label, file, grey) in [
                ("img2pdf, re-encoded by ImageMagick first", "img2pdf-reencoded.pdf", false),
                ("img2pdf, re-encoded grey by ImageMagick first", "img2pdf-reencoded-grey.pdf", true),
            ] {
                let out = p(file);
                let result = timed(|| {
                    let mut reencoded = Vec::new();
                    for (i, input) in inputs.iter().enumerate() {
                        let jpeg = p(&format!("reencoded/{}.jpg", i + 1));
                        let mut args = vec![input.as_str(), "-auto-orient", "-resize", "2000x2000>", "-strip"];
                        if grey {
                            args.extend(["-colorspace", "Gray"]);
                        }
                        args.extend(["-quality", "75", jpeg.as_str()]);
                        run(im, &args)?;
                        reencoded.push(jpeg);
                    }
                    let mut args = vec!["--pagesize", "A4", "-o", out.as_str()];
                    args.extend(reencoded.iter().map(String::as_str));
                    run("img2pdf", &args).map(drop)
                });
                add(label, file, result);
            }
        }
        _ => println!("SKIPPED img2pdf re-encoded: needs both img2pdf and ImageMagick"),
    }

    // ImageMagick alone.
    if let Some(im) = &magick {
        let out = p("imagemagick.pdf");
        let mut args = inputs_ref.clone();
        args.extend(["-auto-orient", "-resize", "2000x2000>", "-quality", "75", "-page", "A4", out.as_str()]);
        let result = timed(|| run(im, &args).map(drop)).map_err(|e| {
            if e.contains("security policy") {
                format!("{e}\n  (ImageMagick 6 on Debian forbids PDF; ./scripts/bench-photos allows writing it)")
            } else {
                e
            }
        });
        add("ImageMagick `convert`", "imagemagick.pdf", result);
    } else {
        println!("SKIPPED ImageMagick: not installed (apt-get install imagemagick)");
    }

    // Readability and orientation: OCR of every page of every output.
    let ocr_ready = version("tesseract", "--version").is_some() && version("pdftoppm", "-v").is_some();
    if !ocr_ready {
        println!("SKIPPED OCR: needs tesseract and pdftoppm (apt-get install tesseract-ocr poppler-utils)");
    }
    // What OCR reads in the photo, less what it "reads" in the desk around the sheet (words that are
    // not on the page): those are not text an output could keep or lose.
    let input_read = if ocr_ready { ocr_words(&dir.join("ocr-input-upright.png")) } else { None };
    let input_words: Option<BTreeSet<String>> = input_read.as_ref().map(|read| read.intersection(&drawn_words[OCR_PAGE - 1]).cloned().collect());
    let share = |wanted: &BTreeSet<String>, found: &BTreeSet<String>| 100.0 * wanted.intersection(found).count() as f64 / wanted.len().max(1) as f64;
    // Per row: the OCR word match of page OCR_PAGE against the input photo, and for every page the
    // share of the words drawn on it that OCR finds (a page turned sideways or upside down gives ~0).
    let mut readings: Vec<(Option<f64>, Vec<f64>)> = Vec::new();
    for row in rows.iter().filter(|_| ocr_ready) {
        let mut word_match = None;
        let mut pages = Vec::new();
        for (page, drawn) in drawn_words.iter().enumerate().map(|(i, d)| (i + 1, d)) {
            let found = render_page(&row.pdf, page, &dir.join("ocr-page")).and_then(|png| ocr_words(&png)).unwrap_or_default();
            pages.push(share(drawn, &found));
            if page == OCR_PAGE {
                word_match = input_words.as_ref().map(|words| share(words, &found));
            }
        }
        readings.push((word_match, pages));
    }

    // The table.
    let Some(velferd) = rows.first().filter(|r| r.tool.starts_with("Velferd")) else {
        println!("Velferd's conversion failed; no comparison");
        std::process::exit(1);
    };
    let (v_ms, v_kb) = (velferd.time.as_secs_f64() * 1000.0, velferd.bytes as f64 / 1024.0);
    println!();
    println!(
        "{} phone photos, {:.1} MB of JPEG; median of {RUNS} runs; {} cores; ImageMagick: {}; img2pdf: {}; \
         OCR: {}, photo {OCR_PAGE} ({} words of 4+ letters read on the page, {:.0} % of those drawn on it; \
         {} other words read in the desk's grain left out) against page {OCR_PAGE} at 150 dpi",
        inputs.len(),
        input_bytes as f64 / 1e6,
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        magick.as_deref().and_then(|m| version(m, "-version")).unwrap_or_else(|| "missing".into()),
        version("img2pdf", "--version").unwrap_or_else(|| "missing".into()),
        version("tesseract", "--version").unwrap_or_else(|| "missing".into()),
        input_words.as_ref().map_or(0, BTreeSet::len),
        input_words.as_ref().map_or(0.0, |w| share(&drawn_words[OCR_PAGE - 1], w)),
        input_read.as_ref().map_or(0, BTreeSet::len) - input_words.as_ref().map_or(0, BTreeSet::len),
    );
    println!();
    println!(
        "| tool | time (ms) | time ratio vs Velferd | output size (KB) | size ratio vs Velferd | OCR word match % | OCR dark (photo {DARK_PAGE}) % | OCR tilted (photo {TILTED_PAGE}) % |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (i, row) in rows.iter().enumerate() {
        let ms = row.time.as_secs_f64() * 1000.0;
        let kb = row.bytes as f64 / 1024.0;
        let word_match = readings.get(i).and_then(|r| r.0).map_or("–".to_string(), |s| format!("{s:.1}"));
        let page = |n: usize| readings.get(i).and_then(|r| r.1.get(n - 1)).map_or("–".to_string(), |s| format!("{s:.1}"));
        println!("| {} | {ms:.0} | {:.2} | {kb:.0} | {:.2} | {word_match} | {} | {} |", row.tool, ms / v_ms, kb / v_kb, page(DARK_PAGE), page(TILTED_PAGE));
    }
    println!();
    println!("OCR dark / tilted: the share of the words drawn on that photo's page (4+ letters) that OCR finds on it.");
    shared_cases(ocr_ready);
    println!();
    const UPRIGHT: f64 = 50.0;
    for (row, (_, pages)) in rows.iter().zip(&readings) {
        let turned: Vec<usize> = (1..=pages.len()).filter(|&p| pages[p - 1] < UPRIGHT).collect();
        let (low, high) = pages.iter().fold((100f64, 0f64), |(l, h), &s| (l.min(s), h.max(s)));
        if turned.is_empty() {
            println!("Upright: {}: all {} pages (OCR finds {low:.0}–{high:.0} % of the words drawn on each page)", row.tool, pages.len());
        } else {
            println!(
                "Upright: {}: pages {turned:?} NOT upright or unreadable (OCR finds under {UPRIGHT:.0} % of their words; \
                 per page: {})",
                row.tool,
                pages.iter().map(|s| format!("{s:.0}")).collect::<Vec<_>>().join(" ")
            );
        }
    }

    // The goals.
    let find = |prefix: &str| rows.iter().position(|r| r.tool.starts_with(prefix));
    let size_goal = find("img2pdf, re-encoded by").map(|i| velferd.bytes <= rows[i].bytes);
    let time_goal = find("ImageMagick").map(|i| velferd.time <= rows[i].time);
    let as_is = find("img2pdf, as is").and_then(|i| readings.get(i)).and_then(|r| r.0);
    let readable = readings.first().and_then(|r| r.0).map(|v| v >= 90.0 && as_is.is_none_or(|a| v >= a - 5.0));
    let upright = readings.first().map(|(_, pages)| pages.iter().all(|&s| s >= UPRIGHT));
    let verdict = |goal: Option<bool>| match goal {
        Some(true) => "met",
        Some(false) => "NOT met",
        None => "not measured",
    };
    println!(
        "Goals: size no larger than img2pdf re-encoded: {}; time at most ImageMagick's: {}; text readable \
         (OCR finds ≥ 90 % of the photo's words, within 5 points of img2pdf as is): {}; pages upright: {}",
        verdict(size_goal),
        verdict(time_goal),
        verdict(readable),
        verdict(upright)
    );
}

/// Renders page `page` of `pdf` at 150 dpi to `prefix`.png.
fn render_page(pdf: &Path, page: usize, prefix: &Path) -> Option<PathBuf> {
    let n = page.to_string();
    let pdf = pdf.to_string_lossy();
    let prefix_s = prefix.to_string_lossy();
    run("pdftoppm", &["-r", "150", "-f", &n, "-l", &n, "-png", "-singlefile", &pdf, &prefix_s]).map_err(|e| println!("pdftoppm failed: {e}")).ok()?;
    Some(prefix.with_extension("png"))
}

/// The distinct words of four letters or more that tesseract reads in `png`. Sauvola's adaptive
/// threshold (tesseract ≥ 5), because the default global one loses the text of an underexposed,
/// unevenly lit photo altogether; one thread, because OpenMP's busy-waiting on a loaded two-core
/// machine makes tesseract several times slower.
fn ocr_words(png: &Path) -> Option<BTreeSet<String>> {
    let output = Command::new("tesseract")
        .arg(png)
        .args(["-", "-l", "eng", "-c", "thresholding_method=2"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| println!("tesseract failed: {e}"))
        .ok()?;
    if !output.status.success() {
        println!("tesseract failed: {}", String::from_utf8_lossy(&output.stderr).trim());
        return None;
    }
    Some(long_words(&String::from_utf8_lossy(&output.stdout)))
}

/// The shared cases (tests/documents/: the photo in dim, uneven light and the PDFs people have),
/// each through `combine` on its own: time (median of [`RUNS`]), size, and for a photo the share of
/// the words printed on it (its .txt) that OCR finds on the upright photo and on the page.
fn shared_cases(ocr_ready: bool) {
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/documents");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-photos");
    let mut names: Vec<String> = std::fs::read_dir(&cases).map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect()).unwrap_or_default();
    names.retain(|n| n.ends_with(".jpg") || n.ends_with(".pdf"));
    names.sort();
    println!();
    println!("| shared case | input (KB) | time (ms) | output size (KB) | OCR on the photo % | OCR on the page % |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (n, name) in names.into_iter().enumerate() {
        let bytes = std::fs::read(cases.join(&name)).expect("read case");
        let mut pdf = Vec::new();
        let time = timed(|| {
            pdf = combine(&[Input::new(&name, &bytes)], &Limits::default()).map_err(|e| e.to_string())?;
            Ok(())
        });
        let Ok(time) = time else {
            println!("| {name} | refused: {} |", time.err().unwrap_or_default());
            continue;
        };
        let (mut on_photo, mut on_page) = ("–".to_string(), "–".to_string());
        if ocr_ready && name.ends_with(".jpg") {
            if let Ok(text) = std::fs::read_to_string(cases.join(&name).with_extension("txt")) {
                let truth = long_words(&text);
                let out = dir.join(format!("case-{n}.pdf"));
                std::fs::write(&out, &pdf).expect("write case PDF");
                let share = |found: Option<BTreeSet<String>>| {
                    found.map_or("–".to_string(), |f| format!("{:.1}", 100.0 * truth.intersection(&f).count() as f64 / truth.len().max(1) as f64))
                };
                on_photo = share(ocr_words(&cases.join(&name)));
                on_page = share(render_page(&out, 1, &dir.join(format!("case-{n}-page"))).and_then(|png| ocr_words(&png)));
            }
        }
        println!("| {name} | {:.0} | {:.0} | {:.0} | {on_photo} | {on_page} |", bytes.len() as f64 / 1024.0, time.as_secs_f64() * 1000.0, pdf.len() as f64 / 1024.0);
    }
}
