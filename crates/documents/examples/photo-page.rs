//! Shows what Velferd makes of one photo: writes a small PNG of the photo as it arrived (upright by
//! its EXIF orientation) and the page `photos::combine` makes of it, for looking at them side by
//! side while tuning the page pipeline (photos/sheet.rs, photos/light.rs).
//!
//! `cargo run -p velferd-documents --example photo-page -- PHOTO OUT_PREFIX`
//! writes `OUT_PREFIX-photo.png` (long side 800 px) and `OUT_PREFIX.pdf`; render the PDF with
//! `pdftoppm -r 60 -png OUT_PREFIX.pdf OUT_PREFIX-page`.

#![allow(clippy::unwrap_used)]

use velferd_documents::photos::{combine, Input, Limits};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [photo, prefix] = args.as_slice() else {
        eprintln!("usage: photo-page PHOTO OUT_PREFIX");
        std::process::exit(2);
    };
    let bytes = std::fs::read(photo).unwrap();
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(&bytes)).with_guessed_format().unwrap().into_decoder().unwrap();
    let orientation = image::ImageDecoder::orientation(&mut decoder).unwrap();
    let mut image = image::DynamicImage::from_decoder(decoder).unwrap();
    image.apply_orientation(orientation);
    image.thumbnail(800, 800).save(format!("{prefix}-photo.png")).unwrap();
    let start = std::time::Instant::now();
    let pdf = combine(&[Input::new(photo, &bytes)], &Limits::default()).unwrap();
    eprintln!("combine: {:?}, {} bytes", start.elapsed(), pdf.len());
    std::fs::write(format!("{prefix}.pdf"), pdf).unwrap();
}
