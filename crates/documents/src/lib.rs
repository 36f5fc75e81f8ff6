//! Simple, well-formed, accessible text PDFs for Velferd.
//!
//! The first user is the citizen's copy of a submitted application: a title,
//! a few intro lines (reference, time sent, office), then sections of
//! question/answer fields. [`render`] lays that out on A4 pages and writes a
//! PDF with
//!
//! - embedded, subsetted DejaVu Sans (regular and bold), so Norwegian, other
//!   Latin, Greek and Cyrillic text renders identically everywhere and can be
//!   copied and searched;
//! - a footer with the caller's text and a "page X of Y" label on every page;
//! - document title and language in the metadata;
//! - a tag tree (H1 title, P intro paragraphs, Sect + H2 per section, a Div
//!   of two P per field, P per text row) with the footer marked as a
//!   pagination artifact, so screen readers read the answers in order and skip
//!   the page furniture;
//! - bookmarks for the section headings (or, without sections, one for the
//!   title);
//! - **PDF/A-2a and PDF/UA-1 at once**, validated by krilla 0.8 while it
//!   writes (`configure::ConfigurationBuilder` with `Archival::A2_A` and
//!   `Accessibility::UA1`, PDF 1.7): krilla refuses to write a file that
//!   breaks either profile, and declares both in the XMP metadata
//!   (`pdfaid:part` 2, `pdfaid:conformance` A, `pdfuaid:part` 1). PDF/A-2a
//!   rather than 3a because letters never carry embedded files, which is all
//!   PDF/A-3 adds. What the profiles need from the input is made true here:
//!   characters the font lacks and private-use characters are drawn as
//!   U+FFFD (PDF/A-2a and PDF/UA forbid `.notdef` glyphs), an empty title
//!   becomes "Velferd" and a missing language "und" (undetermined), and the
//!   document has a creation date ([`render_dated`]).
//!
//! Layout and pagination live in `layout.rs`; this file only turns the laid-out
//! pages into krilla calls.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::SerializeSettings;

mod layout;
pub mod photos;

use layout::{Fonts, Layout, PageLayout, PlacedLine, PlacedRule, Style};

/// A document to render. All strings are untrusted user input as far as this
/// crate is concerned: anything is accepted and nothing panics (control
/// characters are dropped, characters missing from the font show as a box).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Big heading on page 1, also the PDF metadata title.
    pub title: String,
    /// BCP-47 language tag ("nb", "nn", "en"), set as the document language so
    /// screen readers pick the right voice.
    pub language: String,
    /// Paragraphs under the title (reference number, time sent, office, …).
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
    /// Left footer text on every page, e.g. "Velferd · Reference VF-7K3M-9QX2".
    pub footer: String,
    /// Right footer with `{page}` and `{pages}` placeholders, e.g.
    /// "Side {page} av {pages}".
    pub page_label: String,
}

/// A titled group of rows, e.g. "Bolig" or "Inntekt".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub rows: Vec<Row>,
}

/// One entry of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A question and its answer: the label is set small, bold and grey above
    /// the value. The value may be long and may contain `'\n'` line breaks,
    /// which are kept. An empty value shows only the label, so pass something
    /// like "Ikke besvart" if an unanswered question should say so.
    Field { label: String, value: String },
    /// A plain paragraph (may also contain `'\n'`).
    Text(String),
}

/// Why rendering failed. None of these depend on the document's content; they
/// indicate a broken build (bad embedded font) or a bug in the PDF writer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// An embedded font could not be parsed.
    #[error("embedded font {0} could not be loaded")]
    Font(&'static str),
    /// The PDF writer rejected the A4 page size.
    #[error("invalid page size")]
    PageSize,
    /// The PDF writer failed while serialising the document.
    #[error("PDF serialisation failed: {0}")]
    Serialize(String),
}

/// Renders `doc` to the bytes of a PDF/A-2a and PDF/UA-1 file created now
/// (the system clock, to the second, in UTC).
///
/// Two calls give the same bytes only within the same second; a caller that
/// hashes or deduplicates PDFs, or stores when a letter was written, passes
/// that time to [`render_dated`] instead.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let now_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)).unwrap_or(0);
    render_dated(doc, now_ms)
}

/// Renders `doc` to the bytes of a PDF/A-2a and PDF/UA-1 file whose creation
/// date (the `CreationDate` of the document information and `xmp:CreateDate`,
/// which PDF/A requires) is `created_ms`, milliseconds since 1970-01-01 UTC,
/// written to the second in UTC. The same input gives the same bytes.
///
/// Layout happens first so the total page count is known when the footers
/// ("Side 2 av 3") are drawn.
///
/// Errors: [`PdfError`] for a broken build (font) or when krilla finds the
/// file would break PDF/A-2a or PDF/UA-1 (`Serialize`, naming the rule); no
/// input text causes either.
pub fn render_dated(doc: &Document, created_ms: i64) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let layout = layout::layout(doc, &fonts);
    let pdf_fonts = PdfFonts::load()?;
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|error| PdfError::Serialize(format!("{error:?}")))?;
    let mut pdf = krilla::Document::new_with(SerializeSettings { configuration, ..SerializeSettings::default() });
    let mut marks = Marks::default();
    let total = layout.pages.len();
    for (index, page) in layout.pages.iter().enumerate() {
        let footer = layout::footer(doc, index + 1, total, &fonts);
        draw_page(&mut pdf, index, page, &footer, &pdf_fonts, &mut marks)?;
    }
    pdf.set_metadata(metadata(doc, created_ms));
    pdf.set_tag_tree(tag_tree(doc, &layout, &mut marks));
    pdf.set_outline(outline(doc, &layout, &marks));
    pdf.finish().map_err(|error| PdfError::Serialize(format!("{error:?}")))
}

/// The embedded fonts as krilla handles (krilla subsets them on output).
struct PdfFonts {
    regular: Font,
    bold: Font,
}

impl PdfFonts {
    fn load() -> Result<Self, PdfError> {
        let load = |data: &'static [u8], name| Font::new(data.into(), 0).ok_or(PdfError::Font(name));
        Ok(PdfFonts { regular: load(layout::REGULAR_FONT, "DejaVu Sans")?, bold: load(layout::BOLD_FONT, "DejaVu Sans Bold")? })
    }

    fn for_style(&self, style: Style) -> Font {
        if style.spec().bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        }
    }
}

/// Marked-content identifiers collected while drawing, per block, in reading
/// order; they become the leaves of the tag tree. Also remembers where each
/// block starts, for bookmarks.
#[derive(Default)]
struct Marks {
    ids: Vec<Vec<Identifier>>,
    starts: Vec<Option<(usize, f32)>>,
}

impl Marks {
    fn record(&mut self, block: usize, id: Identifier, page: usize, top: f32) {
        if self.ids.len() <= block {
            self.ids.resize_with(block + 1, Vec::new);
            self.starts.resize(block + 1, None);
        }
        self.ids[block].push(id);
        self.starts[block].get_or_insert((page, top));
    }

    /// Takes the identifiers of `block`, leaving it empty: every identifier
    /// must have exactly one parent in the tag tree or krilla refuses to write
    /// the file.
    fn take(&mut self, block: Option<usize>) -> Vec<Identifier> {
        block.and_then(|b| self.ids.get_mut(b)).map(std::mem::take).unwrap_or_default()
    }

    fn start(&self, block: Option<usize>) -> Option<(usize, f32)> {
        block.and_then(|b| self.starts.get(b).copied().flatten())
    }
}

fn draw_page(pdf: &mut krilla::Document, index: usize, page: &PageLayout, footer: &(Vec<PlacedLine>, PlacedRule), fonts: &PdfFonts, marks: &mut Marks) -> Result<(), PdfError> {
    let settings = PageSettings::from_wh(layout::PAGE_WIDTH, layout::PAGE_HEIGHT).ok_or(PdfError::PageSize)?;
    let mut pdf_page = pdf.start_page_with(settings);
    let mut surface = pdf_page.surface();
    for line in &page.lines {
        draw_content_line(&mut surface, line, fonts, index, marks);
    }
    for rule in &page.rules {
        draw_artifact_rule(&mut surface, rule, ArtifactType::Layout);
    }
    let (footer_lines, footer_rule) = footer;
    draw_artifact_rule(&mut surface, footer_rule, ArtifactType::Footer);
    for line in footer_lines {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
        draw_text(&mut surface, line, fonts);
        surface.end_tagged();
    }
    surface.finish();
    pdf_page.finish();
    Ok(())
}

/// Draws one line of real content as its own marked span (krilla recommends
/// at most one line per span) and records the span for the tag tree.
fn draw_content_line(surface: &mut Surface<'_>, line: &PlacedLine, fonts: &PdfFonts, page: usize, marks: &mut Marks) {
    let Some(block) = line.block else { return };
    if line.text.is_empty() {
        return;
    }
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    draw_text(surface, line, fonts);
    surface.end_tagged();
    let top = line.baseline - line.style.spec().line_height;
    marks.record(block, id, page, top);
}

/// Draws text with krilla's shaping (rustybuzz), so combining accents and
/// decomposed "å" come out right. Direction is detected per line, which
/// renders a line of pure Arabic or Hebrew correctly; mixed-direction lines
/// would need a bidi algorithm and are not expected here.
fn draw_text(surface: &mut Surface<'_>, line: &PlacedLine, fonts: &PdfFonts) {
    let spec = line.style.spec();
    let (r, g, b) = spec.color;
    surface.set_fill(Some(Fill { paint: rgb::Color::new(r, g, b).into(), opacity: NormalizedF32::ONE, ..Fill::default() }));
    surface.draw_text(Point::from_xy(line.x, line.baseline), fonts.for_style(line.style), spec.size, &line.text, false, TextDirection::Auto);
}

/// Rules are decoration, so they are marked as artifacts and never read out.
fn draw_artifact_rule(surface: &mut Surface<'_>, rule: &PlacedRule, kind: ArtifactType) {
    let top = rule.y - layout::RULE_THICKNESS / 2.0;
    let Some(rect) = Rect::from_xywh(rule.x, top, rule.width, layout::RULE_THICKNESS) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    let Some(path) = builder.finish() else { return };
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    surface.set_fill(Some(Fill { paint: rgb::Color::new(190, 190, 190).into(), opacity: NormalizedF32::ONE, ..Fill::default() }));
    surface.draw_path(&path);
    surface.end_tagged();
}

/// Only a plausible BCP-47 tag is passed on; anything else becomes `und`
/// (ISO 639-2 "undetermined") rather than a bogus language: PDF/A-2a and
/// PDF/UA-1 require a document language.
fn language(doc: &Document) -> String {
    let tag = doc.language.trim();
    let plausible = !tag.is_empty() && tag.len() <= 35 && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if plausible {
        tag.to_owned()
    } else {
        "und".to_owned()
    }
}

/// Longest label (title, heading title, bookmark) in characters: PDF/A-2 allows strings of at most
/// 32 767 bytes, and a PDF string holds at most 4 bytes a character (UTF-16 surrogate pairs).
const MAX_LABEL_CHARS: usize = 1_000;

/// `text` as one line for the metadata, a heading's title or a bookmark, cut with "…" after
/// [`MAX_LABEL_CHARS`] characters (the drawn text is never cut).
fn label(text: &str) -> String {
    let line = layout::clean_line(text);
    match line.char_indices().nth(MAX_LABEL_CHARS) {
        Some((end, _)) => format!("{}…", line[..end].trim_end()),
        None => line,
    }
}

/// The title in the metadata and the window's title bar; PDF/UA-1 requires
/// one, so an empty title becomes the product's name.
fn title(doc: &Document) -> String {
    let title = label(&doc.title);
    if title.is_empty() {
        "Velferd".to_owned()
    } else {
        title
    }
}

fn metadata(doc: &Document, created_ms: i64) -> Metadata {
    Metadata::new().title(title(doc)).creator("Velferd".to_owned()).language(language(doc)).creation_date(utc(created_ms))
}

/// `ms` since the epoch as a UTC date and time to the second (proleptic
/// Gregorian calendar; years outside 0–9999 are clamped by krilla).
fn utc(ms: i64) -> DateTime {
    let seconds = ms.div_euclid(1000);
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let small = |v: i64| u8::try_from(v).unwrap_or(0);
    DateTime::new(u16::try_from(year.clamp(0, 9999)).unwrap_or(0))
        .month(small(month))
        .day(small(day))
        .hour(small(second_of_day / 3600))
        .minute(small(second_of_day / 60 % 60))
        .second(small(second_of_day % 60))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// A tag group for the content of one block, or `None` if nothing of it was
/// drawn (krilla would otherwise write an empty structure element).
fn group(tag: impl Into<TagKind>, ids: Vec<Identifier>) -> Option<TagGroup> {
    if ids.is_empty() {
        return None;
    }
    Some(TagGroup::with_children(tag, ids.into_iter().map(Node::from).collect()))
}

/// Heading level `level` (1 for the title, 2 for sections) with its text as
/// the title attribute, which accessibility checkers expect on headings.
fn heading(level: u16, text: &str, ids: Vec<Identifier>) -> Option<TagGroup> {
    let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
    group(Tag::Hn(level, Some(label(text))), ids)
}

/// Builds the logical structure in reading order: H1, intro P's, then one
/// Sect per section holding its H2 and its rows.
fn tag_tree(doc: &Document, layout: &Layout, marks: &mut Marks) -> TagTree {
    let structure = &layout.structure;
    let mut tree = TagTree::new().with_lang(Some(language(doc)));
    if let Some(title) = heading(1, &doc.title, marks.take(structure.title)) {
        tree.push(title);
    }
    for &block in &structure.intro {
        if let Some(paragraph) = group(Tag::P, marks.take(Some(block))) {
            tree.push(paragraph);
        }
    }
    for (section, blocks) in doc.sections.iter().zip(&structure.sections) {
        let mut children: Vec<Node> = Vec::new();
        if let Some(h2) = heading(2, &section.heading, marks.take(blocks.heading)) {
            children.push(h2.into());
        }
        for row in &blocks.rows {
            children.extend(row_group(row, marks).map(Node::from));
        }
        if !children.is_empty() {
            tree.push(TagGroup::with_children(Tag::Section, children));
        }
    }
    tree
}

/// A field becomes a Div of two paragraphs (question, answer) so the pair is
/// announced together; a text row is a single paragraph.
fn row_group(row: &layout::RowBlocks, marks: &mut Marks) -> Option<TagGroup> {
    let label = group(Tag::P, marks.take(row.label));
    let body = group(Tag::P, marks.take(row.body));
    match (label, body) {
        (Some(label), Some(body)) => Some(TagGroup::with_children(Tag::Div, vec![label.into(), body.into()])),
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => None,
    }
}

/// Bookmarks to the section headings, for navigating long receipts. PDF/UA-1
/// wants an outline in every document, so one without drawn sections gets a
/// single bookmark to the title at the top of page 1.
fn outline(doc: &Document, layout: &Layout, marks: &Marks) -> Outline {
    let mut outline = Outline::new();
    let mut any = false;
    for (section, blocks) in doc.sections.iter().zip(&layout.structure.sections) {
        let Some((page, top)) = marks.start(blocks.heading) else {
            continue;
        };
        let destination = XyzDestination::new(page, Point::from_xy(layout::LEFT, top.max(0.0)));
        outline.push_child(OutlineNode::new(label(&section.heading), destination));
        any = true;
    }
    if !any {
        outline.push_child(OutlineNode::new(title(doc), XyzDestination::new(0, Point::from_xy(layout::LEFT, layout::TOP))));
    }
    outline
}
