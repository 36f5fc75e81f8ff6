//! Page layout: text cleaning, measuring, line wrapping and pagination.
//!
//! Everything here is pure computation on strings and font metrics, with no PDF
//! involved, so the rules that matter for a readable document (nothing past the
//! bottom margin, a heading never alone at the foot of a page, long words broken
//! rather than overflowing) can be unit-tested directly. `lib.rs` only turns the
//! finished [`Layout`] into PDF drawing and tagging calls.
//!
//! Coordinates are PDF points (1/72 inch) with the origin at the top-left corner
//! of the page and y growing downwards, which is what krilla's surfaces use.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use crate::{Document, PdfError, Row};

/// DejaVu Sans, embedded so output never depends on the fonts of the host. It
/// covers Norwegian, the rest of Latin, Greek and Cyrillic.
pub(crate) const REGULAR_FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, for the title, headings and field labels.
pub(crate) const BOLD_FONT: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// One millimetre in points.
const MM: f32 = 72.0 / 25.4;
/// A4 width in points.
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
/// A4 height in points.
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;
/// Margin on all four sides of the body text.
pub(crate) const MARGIN: f32 = 20.0 * MM;
/// Left edge of all text.
pub(crate) const LEFT: f32 = MARGIN;
/// Top of the first line box on every page.
pub(crate) const TOP: f32 = MARGIN;
/// No line box of body content may extend below this.
pub(crate) const BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
/// Width available for body text.
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The footer lives inside the bottom margin: a hairline, then one line of text.
const FOOTER_RULE_Y: f32 = BOTTOM + 3.0 * MM;
/// Baseline of the footer text.
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;
/// Minimum gap between the left footer text and the page label on the right.
const FOOTER_GAP: f32 = 5.0 * MM;
/// Thickness of horizontal rules.
pub(crate) const RULE_THICKNESS: f32 = 0.6;
/// Vertical room a rule takes in the flow.
const RULE_ADVANCE: f32 = 1.0;
/// Slack for float comparisons, so rounding never forces a spurious page break.
const EPSILON: f32 = 0.01;
/// How many following blocks a "keep with next" chain may look ahead. Bounded so
/// that a pathological chain (e.g. thousands of empty sections) cannot make
/// pagination quadratic.
const KEEP_CHAIN_DEPTH: usize = 3;
/// Paragraphs never start with fewer than this many lines at the foot of a page
/// (orphan control), unless they are shorter than that.
const MIN_LINES_AT_PAGE_FOOT: usize = 2;

/// Text styles used in the document. Sizes follow the brief: body around
/// 10–11 pt, headings larger; colours are dark enough for WCAG AA contrast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Title,
    Intro,
    Heading,
    Label,
    Value,
    Text,
    Footer,
}

/// The concrete typographic parameters of a [`Style`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct StyleSpec {
    pub bold: bool,
    pub size: f32,
    pub line_height: f32,
    pub color: (u8, u8, u8),
}

impl Style {
    pub(crate) const fn spec(self) -> StyleSpec {
        let (bold, size, line_height, color) = match self {
            Style::Title => (true, 18.0, 23.0, (17, 17, 17)),
            Style::Intro => (false, 10.0, 14.0, (51, 51, 51)),
            Style::Heading => (true, 13.0, 17.0, (24, 48, 82)),
            Style::Label => (true, 9.0, 12.5, (80, 80, 80)),
            Style::Value | Style::Text => (false, 10.5, 14.5, (17, 17, 17)),
            Style::Footer => (false, 8.0, 10.0, (80, 80, 80)),
        };
        StyleSpec { bold, size, line_height, color }
    }
}

/// Horizontal metrics of one font, read with skrifa from the embedded bytes.
///
/// Widths come from `hmtx` advances without kerning or ligatures. krilla shapes
/// with rustybuzz when drawing, and DejaVu's kerning almost always tightens
/// text, so these widths are a slight overestimate: wrapped lines can only end
/// up a little shorter than measured, never wider than the column.
pub(crate) struct Face {
    charmap: Charmap<'static>,
    glyphs: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Ascender height as a fraction of the em.
    ascent: f32,
    /// Descender depth as a positive fraction of the em.
    descent: f32,
}

impl Face {
    fn parse(data: &'static [u8]) -> Option<Self> {
        let font = FontRef::new(data).ok()?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em).max(1.0);
        Some(Face {
            charmap: font.charmap(),
            glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
        })
    }

    /// Advance of `c` in ems. Characters the font lacks are measured as the
    /// `.notdef` glyph, which is what the PDF will show for them.
    fn advance(&self, c: char) -> f32 {
        let glyph = self.charmap.map(c).unwrap_or(GlyphId::NOTDEF);
        self.glyphs.advance_width(glyph).unwrap_or(0.0) / self.units_per_em
    }
}

/// The two embedded faces, parsed once per render.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, PdfError> {
        Ok(Fonts { regular: Face::parse(REGULAR_FONT).ok_or(PdfError::Font("DejaVu Sans"))?, bold: Face::parse(BOLD_FONT).ok_or(PdfError::Font("DejaVu Sans Bold"))? })
    }

    fn face(&self, style: Style) -> &Face {
        if style.spec().bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// A measuring tape for text set in `style`.
    pub(crate) fn measure(&self, style: Style) -> Measure<'_> {
        Measure { face: self.face(style), size: style.spec().size }
    }

    /// Distance from the top of a line box to its baseline. The leading is split
    /// evenly above and below the glyphs, so descenders stay inside the box and a
    /// box that ends above [`BOTTOM`] never draws below it.
    fn baseline_offset(&self, style: Style) -> f32 {
        let spec = style.spec();
        let face = self.face(style);
        let glyph_height = (face.ascent + face.descent) * spec.size;
        (spec.line_height - glyph_height) / 2.0 + face.ascent * spec.size
    }
}

/// Measures text in one face at one size.
#[derive(Clone, Copy)]
pub(crate) struct Measure<'a> {
    face: &'a Face,
    size: f32,
}

impl Measure<'_> {
    fn char_width(&self, c: char) -> f32 {
        self.face.advance(c) * self.size
    }

    pub(crate) fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.char_width(c)).sum()
    }
}

/// Whether both embedded faces have a glyph for `c`. Parsed once per process.
fn drawable(c: char) -> bool {
    static CHARMAPS: std::sync::OnceLock<Option<(Charmap<'static>, Charmap<'static>)>> = std::sync::OnceLock::new();
    let charmaps = CHARMAPS.get_or_init(|| Some((FontRef::new(REGULAR_FONT).ok()?.charmap(), FontRef::new(BOLD_FONT).ok()?.charmap())));
    charmaps.as_ref().is_some_and(|(regular, bold)| regular.map(c).is_some() && bold.map(c).is_some())
}

/// What is drawn for a character the fonts lack or a private-use character:
/// PDF/A-2a and PDF/UA-1 forbid the `.notdef` box and private-use code points.
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// Normalises user input for layout: every line-break convention becomes
/// `'\n'`, a tab becomes a space (tab stops mean nothing in a proportional
/// font) and all other control characters are dropped. Control characters
/// have no glyphs, would show as boxes, and are not allowed in the XMP
/// metadata that carries the title. A character neither face can draw, and
/// any private-use character, becomes [`REPLACEMENT`]; invisible format
/// characters the fonts lack (zero-width joiners, direction marks, variation
/// selectors) are dropped instead of showing as a replacement.
pub(crate) fn clean_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{FEFF}' => {}
            c if c.is_control() => {}
            c if is_private_use(c) => out.push(REPLACEMENT),
            c if drawable(c) => out.push(c),
            c if is_invisible_format(c) => {}
            _ => out.push(REPLACEMENT),
        }
    }
    out
}

/// Unicode's private-use areas (the BMP's and planes 15–16).
fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// Format characters that draw nothing: zero-width space and joiners,
/// direction marks and overrides, word joiner and invisible operators,
/// variation selectors, tag characters.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Like [`clean_text`] but for places that hold a single line (footer, PDF
/// metadata, heading titles for screen readers): line breaks become spaces and
/// surrounding whitespace is trimmed.
pub(crate) fn clean_line(raw: &str) -> String {
    clean_text(raw).replace('\n', " ").trim().to_owned()
}

/// Wraps multi-line text into lines no wider than `max_width`.
///
/// Explicit line breaks are kept (a value typed with Enter stays that way, and
/// blank lines between paragraphs survive), but blank lines at the very start
/// and end are dropped since they are usually stray input. Text that is empty
/// after cleaning yields no lines at all.
pub(crate) fn wrap_text(raw: &str, measure: Measure<'_>, max_width: f32) -> Vec<String> {
    let text = clean_text(raw);
    let logical: Vec<&str> = text.split('\n').collect();
    let is_blank = |line: &&str| line.trim().is_empty();
    let Some(first) = logical.iter().position(|l| !is_blank(l)) else {
        return Vec::new();
    };
    let last = logical.iter().rposition(|l| !is_blank(l)).unwrap_or(first);
    logical[first..=last].iter().flat_map(|line| wrap_line(line, measure, max_width)).collect()
}

/// A word of a logical line: byte range plus measured widths.
struct Word {
    start: usize,
    end: usize,
    /// Width of the spaces between the previous word and this one.
    gap: f32,
    width: f32,
}

/// Splits a line at ASCII spaces, the only break opportunity we use. A no-break
/// space (U+00A0) therefore keeps "kr 1 000" together, as intended. Leading
/// spaces belong to the first word so that indentation typed by the user is
/// kept.
fn words(line: &str, measure: Measure<'_>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut gap = 0.0;
    let mut current: Option<Word> = None;
    for (index, c) in line.char_indices() {
        if c == ' ' {
            if let Some(word) = current.take() {
                words.push(Word { end: index, ..word });
            }
            gap += measure.char_width(c);
            continue;
        }
        let width = measure.char_width(c);
        match current.as_mut() {
            Some(word) => word.width += width,
            None if words.is_empty() => current = Some(Word { start: 0, end: index, gap: 0.0, width: gap + width }),
            None => current = Some(Word { start: index, end: index, gap, width }),
        }
        gap = 0.0;
    }
    if let Some(word) = current {
        words.push(Word { end: line.len(), ..word });
    }
    words
}

/// A line being filled: a byte range of the logical line and its width up to
/// the end of its last word.
struct OpenLine {
    start: usize,
    end: usize,
    width: f32,
}

/// Greedy word wrap of one logical line (no `'\n'` inside).
///
/// Emitted lines keep the spaces at which they were broken: invisible at the
/// end of a line, but they make copy-paste and screen readers see a word
/// boundary instead of two words glued together. A line that is blank yields
/// one empty line, so the vertical gap the user typed is preserved.
fn wrap_line(line: &str, measure: Measure<'_>, max_width: f32) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<OpenLine> = None;
    for word in words(line, measure) {
        open = Some(match open {
            Some(mut current) if current.width + word.gap + word.width <= max_width => {
                current.end = word.end;
                current.width += word.gap + word.width;
                current
            }
            Some(current) => {
                out.push(line[current.start..word.start].to_owned());
                start_line(line, &word, measure, max_width, &mut out)
            }
            None => start_line(line, &word, measure, max_width, &mut out),
        });
    }
    match open {
        Some(current) => out.push(line[current.start..current.end].to_owned()),
        None => out.push(String::new()),
    }
    out
}

/// Starts a new line with `word`. A word wider than the column (a URL, an
/// account number without spaces, 100 kB of "aaaa…") is cut at character
/// boundaries; all full pieces are emitted and the remainder stays open so the
/// following words can join it.
fn start_line(line: &str, word: &Word, measure: Measure<'_>, max_width: f32, out: &mut Vec<String>) -> OpenLine {
    if word.width <= max_width {
        return OpenLine { start: word.start, end: word.end, width: word.width };
    }
    let mut piece = OpenLine { start: word.start, end: word.start, width: 0.0 };
    for (offset, c) in line[word.start..word.end].char_indices() {
        let index = word.start + offset;
        let width = measure.char_width(c);
        if piece.width + width > max_width && piece.end > piece.start {
            out.push(line[piece.start..piece.end].to_owned());
            piece = OpenLine { start: index, end: index, width: 0.0 };
        }
        piece.end = index + c.len_utf8();
        piece.width += width;
    }
    piece
}

/// Cuts single-line text to `max_width`, ending in "…" when something was cut.
fn fit_with_ellipsis(text: &str, measure: Measure<'_>, max_width: f32) -> String {
    if measure.width(text) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - measure.char_width('…');
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        width += measure.char_width(c);
        if width > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// What a block holds: wrapped lines of text, or a horizontal rule.
pub(crate) enum Content {
    Lines(Vec<String>),
    Rule,
}

/// A vertical unit of the flow: one paragraph-like piece of the document.
pub(crate) struct Block {
    pub style: Style,
    /// Gap above the block, dropped at the top of a page.
    pub space_before: f32,
    /// Never leave this block as the last thing on a page: it must share the
    /// page with the start of the next block (headings, field labels).
    pub keep_with_next: bool,
    pub content: Content,
}

/// Where a field or text row ended up in the block list.
#[derive(Default, Debug)]
pub(crate) struct RowBlocks {
    pub label: Option<usize>,
    pub body: Option<usize>,
}

/// Where a section ended up in the block list.
#[derive(Default, Debug)]
pub(crate) struct SectionBlocks {
    pub heading: Option<usize>,
    pub rows: Vec<RowBlocks>,
}

/// Maps the document's logical structure to block indices; the renderer uses
/// it to build the tag tree (H1, P, Sect, H2, …) and the bookmarks.
#[derive(Default, Debug)]
pub(crate) struct Structure {
    pub title: Option<usize>,
    pub intro: Vec<usize>,
    pub sections: Vec<SectionBlocks>,
}

/// One line of text at its final position.
#[derive(Debug)]
pub(crate) struct PlacedLine {
    /// The block the line belongs to; `None` for footer lines (page artifacts).
    pub block: Option<usize>,
    pub style: Style,
    pub x: f32,
    pub baseline: f32,
    pub text: String,
}

/// A horizontal hairline from `x` to `x + width`, centred on `y`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlacedRule {
    pub x: f32,
    pub y: f32,
    pub width: f32,
}

/// Everything on one page except the footer, which needs the final page count.
#[derive(Default, Debug)]
pub(crate) struct PageLayout {
    pub lines: Vec<PlacedLine>,
    pub rules: Vec<PlacedRule>,
}

/// The laid-out document.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Always at least one page, even for an empty document.
    pub pages: Vec<PageLayout>,
    pub structure: Structure,
}

/// Lays out `doc` into pages.
pub(crate) fn layout(doc: &Document, fonts: &Fonts) -> Layout {
    let (blocks, structure) = build_blocks(doc, fonts);
    Layout { pages: paginate(blocks, fonts), structure }
}

/// Collects blocks in reading order while recording their indices.
struct BlockBuilder<'f> {
    fonts: &'f Fonts,
    blocks: Vec<Block>,
}

impl BlockBuilder<'_> {
    /// Adds a text block unless it wraps to nothing, returning its index.
    fn text(&mut self, style: Style, text: &str, space_before: f32) -> Option<usize> {
        let lines = wrap_text(text, self.fonts.measure(style), CONTENT_WIDTH);
        if lines.is_empty() {
            return None;
        }
        self.blocks.push(Block { style, space_before, keep_with_next: matches!(style, Style::Heading | Style::Label), content: Content::Lines(lines) });
        Some(self.blocks.len() - 1)
    }

    fn rule(&mut self, space_before: f32) {
        self.blocks.push(Block { style: Style::Intro, space_before, keep_with_next: false, content: Content::Rule });
    }

    /// Adds one row. The first row of a section sits closer to its heading than
    /// rows do to each other, which visually binds the heading to its content.
    fn row(&mut self, row: &Row, first_in_section: bool) -> RowBlocks {
        let space = if first_in_section { 6.0 } else { 10.0 };
        match row {
            Row::Field { label, value } => {
                let label = self.text(Style::Label, label, space);
                let value_space = if label.is_some() { 1.5 } else { space };
                let body = self.text(Style::Value, value, value_space);
                RowBlocks { label, body }
            }
            Row::Text(text) => RowBlocks { label: None, body: self.text(Style::Text, text, space) },
        }
    }

    /// The first section follows the header rule, which already separates it,
    /// so it gets less space above its heading than later sections.
    fn section(&mut self, section: &crate::Section, first: bool) -> SectionBlocks {
        let heading_space = if first { 14.0 } else { 20.0 };
        let heading = self.text(Style::Heading, &section.heading, heading_space);
        let first_row_block = self.blocks.len();
        let rows = section
            .rows
            .iter()
            .map(|row| {
                let first = self.blocks.len() == first_row_block;
                self.row(row, first && heading.is_some())
            })
            .collect();
        // A heading with no rows has nothing to keep it company; do not let it
        // drag the next section's heading along.
        let has_rows = self.blocks.len() > first_row_block;
        if let Some(block) = heading.and_then(|index| self.blocks.get_mut(index)) {
            block.keep_with_next = has_rows;
        }
        SectionBlocks { heading, rows }
    }
}

/// Turns the document into blocks: title, intro paragraphs, a rule separating
/// that header from the answers, then each section.
fn build_blocks(doc: &Document, fonts: &Fonts) -> (Vec<Block>, Structure) {
    let mut builder = BlockBuilder { fonts, blocks: Vec::new() };
    let title = builder.text(Style::Title, &doc.title, 0.0);
    let intro = doc.intro.iter().enumerate().filter_map(|(i, text)| builder.text(Style::Intro, text, if i == 0 { 8.0 } else { 3.0 })).collect();
    let has_header = !builder.blocks.is_empty();
    if has_header && !doc.sections.is_empty() {
        builder.rule(12.0);
    }
    let mut sections = Vec::with_capacity(doc.sections.len());
    for (index, section) in doc.sections.iter().enumerate() {
        sections.push(builder.section(section, index == 0));
    }
    let structure = Structure { title, intro, sections };
    (builder.blocks, structure)
}

/// How much vertical room block `index` needs at the foot of a page before it
/// may start there: its first lines (orphan control), or, for blocks that keep
/// with the next one, all of it plus the next block's own requirement.
fn lead_height(blocks: &[Block], index: usize, depth: usize) -> f32 {
    let Some(block) = blocks.get(index) else {
        return 0.0;
    };
    let line_height = block.style.spec().line_height;
    let lines = match &block.content {
        Content::Rule => return RULE_ADVANCE,
        Content::Lines(lines) => lines.len(),
    };
    if block.keep_with_next && depth < KEEP_CHAIN_DEPTH {
        let next = blocks.get(index + 1).map_or(0.0, |next| next.space_before + lead_height(blocks, index + 1, depth + 1));
        lines as f32 * line_height + next
    } else {
        lines.min(MIN_LINES_AT_PAGE_FOOT) as f32 * line_height
    }
}

/// Fills pages top to bottom.
struct Paginator<'f> {
    fonts: &'f Fonts,
    done: Vec<PageLayout>,
    page: PageLayout,
    /// Top of the next line box.
    cursor: f32,
}

impl Paginator<'_> {
    /// True while nothing has been placed on the current page. Content is always
    /// placed on an empty page even if it does not fit, which is what guarantees
    /// progress (no endless page breaking).
    fn is_fresh(&self) -> bool {
        self.page.lines.is_empty() && self.page.rules.is_empty()
    }

    fn fits(&self, height: f32) -> bool {
        self.cursor + height <= BOTTOM + EPSILON
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.cursor = TOP;
    }

    fn place(&mut self, index: usize, block: Block, lead: f32) {
        let space = if self.is_fresh() { 0.0 } else { block.space_before };
        if !self.is_fresh() && !self.fits(space + lead) {
            self.new_page();
        } else {
            self.cursor += space;
        }
        match block.content {
            Content::Rule => self.place_rule(),
            Content::Lines(lines) => {
                for text in lines {
                    self.place_line(index, block.style, text);
                }
            }
        }
    }

    /// Rules only separate content, so one that would start a page or not fit
    /// is simply dropped.
    fn place_rule(&mut self) {
        if self.is_fresh() || !self.fits(RULE_ADVANCE) {
            return;
        }
        self.page.rules.push(PlacedRule { x: LEFT, y: self.cursor + RULE_ADVANCE / 2.0, width: CONTENT_WIDTH });
        self.cursor += RULE_ADVANCE;
    }

    fn place_line(&mut self, block: usize, style: Style, text: String) {
        let line_height = style.spec().line_height;
        if !self.is_fresh() && !self.fits(line_height) {
            self.new_page();
        }
        self.page.lines.push(PlacedLine { block: Some(block), style, x: LEFT, baseline: self.cursor + self.fonts.baseline_offset(style), text });
        self.cursor += line_height;
    }

    fn finish(mut self) -> Vec<PageLayout> {
        self.done.push(self.page);
        self.done
    }
}

/// Distributes blocks over pages, honouring keep-with-next and orphan control.
fn paginate(blocks: Vec<Block>, fonts: &Fonts) -> Vec<PageLayout> {
    let leads: Vec<f32> = (0..blocks.len()).map(|index| lead_height(&blocks, index, 0)).collect();
    let mut paginator = Paginator { fonts, done: Vec::new(), page: PageLayout::default(), cursor: TOP };
    for ((index, block), lead) in blocks.into_iter().enumerate().zip(leads) {
        paginator.place(index, block, lead);
    }
    paginator.finish()
}

/// The footer of page `number` (1-based) of `total`: the document's footer
/// text on the left, the filled-in page label right-aligned. Both are cut with
/// an ellipsis rather than allowed to overlap; the page label gets priority
/// because it carries the page number.
pub(crate) fn footer(doc: &Document, number: usize, total: usize, fonts: &Fonts) -> (Vec<PlacedLine>, PlacedRule) {
    let measure = fonts.measure(Style::Footer);
    let label = clean_line(&doc.page_label).replace("{page}", &number.to_string()).replace("{pages}", &total.to_string());
    let label = fit_with_ellipsis(&label, measure, CONTENT_WIDTH / 2.0);
    let label_width = if label.is_empty() { 0.0 } else { measure.width(&label) + FOOTER_GAP };
    let left = fit_with_ellipsis(&clean_line(&doc.footer), measure, CONTENT_WIDTH - label_width);
    let line = |x: f32, text: String| PlacedLine { block: None, style: Style::Footer, x, baseline: FOOTER_BASELINE, text };
    let mut lines = Vec::new();
    if !left.is_empty() {
        lines.push(line(LEFT, left));
    }
    if !label.is_empty() {
        let x = LEFT + CONTENT_WIDTH - measure.width(&label);
        lines.push(line(x, label));
    }
    let rule = PlacedRule { x: LEFT, y: FOOTER_RULE_Y, width: CONTENT_WIDTH };
    (lines, rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Section;

    fn fonts() -> Fonts {
        Fonts::load().expect("embedded fonts parse")
    }

    fn field(label: &str, value: &str) -> Row {
        Row::Field { label: label.into(), value: value.into() }
    }

    fn doc_with(sections: Vec<Section>) -> Document {
        Document {
            title: "Søknad om økonomisk sosialhjelp".into(),
            language: "nb".into(),
            intro: vec!["Referanse VF-7K3M-9QX2".into()],
            sections,
            footer: "Velferd".into(),
            page_label: "Side {page} av {pages}".into(),
        }
    }

    #[test]
    fn clean_text_normalises_breaks_and_drops_controls() {
        assert_eq!(clean_text("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(clean_text("x\u{0}\u{7}\u{1b}[0my\u{7f}"), "x[0my");
        assert_eq!(clean_text("\tz"), " z");
        assert_eq!(clean_line("  en\nto  "), "en to");
    }

    #[test]
    fn wrapped_lines_fit_and_keep_all_words() {
        let fonts = fonts();
        let measure = fonts.measure(Style::Value);
        let text = "Jeg har vært sykmeldt siden februar og søker derfor om hjelp til husleie, strøm og mat for meg og mine to barn i påvente av avklaring fra Nav. ".repeat(5);
        let lines = wrap_text(&text, measure, 200.0);
        assert!(lines.len() > 5, "expected wrapping, got {lines:?}");
        for line in &lines {
            assert!(measure.width(line.trim_end()) <= 200.0, "too wide: {line:?}");
        }
        assert_eq!(lines.concat(), text.trim_end(), "no characters lost or added");
    }

    #[test]
    fn overlong_words_are_broken_by_characters() {
        let fonts = fonts();
        let measure = fonts.measure(Style::Value);
        let word = "ø".repeat(500);
        let lines = wrap_text(&format!("start {word} slutt"), measure, 100.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| measure.width(l.trim_end()) <= 100.0));
        assert_eq!(lines.concat(), format!("start {word} slutt"));
    }

    #[test]
    fn explicit_line_breaks_survive_and_outer_blank_lines_go() {
        let fonts = fonts();
        let lines = wrap_text("\n\nlinje 1\nlinje 2\n\nlinje 4\n\n", fonts.measure(Style::Value), 400.0);
        assert_eq!(lines, vec!["linje 1", "linje 2", "", "linje 4"]);
        assert!(wrap_text(" \n\t\n", fonts.measure(Style::Value), 400.0).is_empty());
        assert!(wrap_text("", fonts.measure(Style::Value), 400.0).is_empty());
    }

    #[test]
    fn indentation_is_kept_and_nbsp_does_not_break() {
        let fonts = fonts();
        let measure = fonts.measure(Style::Value);
        assert_eq!(wrap_text("   innrykk", measure, 400.0), vec!["   innrykk"]);
        let amount = "kr\u{a0}12\u{a0}500";
        let lines = wrap_text(&format!("{} {amount}", "x".repeat(60)), measure, measure.width(&"x".repeat(62)));
        assert_eq!(lines.last().map(String::as_str), Some(amount));
    }

    /// Many sections of varying length so that headings land at every possible
    /// distance from the page foot.
    fn long_doc() -> Document {
        let sections = (0..60)
            .map(|s| Section {
                heading: format!("Del {s}"),
                rows: (0..(s % 7 + 1)).map(|r| field(&format!("Spørsmål {s}.{r}"), &"Svar med litt tekst. ".repeat(r * 3 + 1))).collect(),
            })
            .collect();
        doc_with(sections)
    }

    fn page_of(layout: &Layout, block: usize) -> Option<usize> {
        layout.pages.iter().position(|page| page.lines.iter().any(|line| line.block == Some(block)))
    }

    #[test]
    fn nothing_is_placed_below_the_bottom_margin() {
        let fonts = fonts();
        let layout = layout(&long_doc(), &fonts);
        assert!(layout.pages.len() >= 3);
        for line in layout.pages.iter().flat_map(|p| &p.lines) {
            let box_top = line.baseline - fonts.baseline_offset(line.style);
            let box_bottom = box_top + line.style.spec().line_height;
            assert!(box_bottom <= BOTTOM + EPSILON, "{line:?} below margin");
            assert!(box_top >= TOP - EPSILON, "{line:?} above margin");
        }
    }

    #[test]
    fn headings_share_a_page_with_their_first_row() {
        let fonts = fonts();
        let layout = layout(&long_doc(), &fonts);
        for section in &layout.structure.sections {
            let heading = section.heading.and_then(|b| page_of(&layout, b));
            let first = &section.rows[0];
            assert_eq!(heading, first.label.and_then(|b| page_of(&layout, b)));
            assert_eq!(heading, first.body.and_then(|b| page_of(&layout, b)));
        }
    }

    #[test]
    fn huge_value_flows_over_many_pages() {
        let fonts = fonts();
        let doc = doc_with(vec![Section { heading: "Stort svar".into(), rows: vec![field("Beskrivelse", &"blablabla ".repeat(10_000))] }]);
        let layout = layout(&doc, &fonts);
        assert!(layout.pages.len() > 10, "{} pages", layout.pages.len());
        assert!(layout.pages.iter().all(|page| !page.lines.is_empty()));
    }

    #[test]
    fn empty_document_still_has_one_page() {
        let fonts = fonts();
        let layout = layout(&Document::default(), &fonts);
        assert_eq!(layout.pages.len(), 1);
        assert!(layout.pages[0].lines.is_empty());
    }

    #[test]
    fn footer_never_overlaps_the_page_label() {
        let fonts = fonts();
        let mut doc = doc_with(Vec::new());
        doc.footer = "Velferd · Referanse ".repeat(40);
        let (lines, _) = footer(&doc, 12, 345, &fonts);
        assert_eq!(lines.len(), 2);
        let measure = fonts.measure(Style::Footer);
        assert!(lines[0].text.ends_with('…'));
        assert!(lines[0].x + measure.width(&lines[0].text) < lines[1].x);
        assert_eq!(lines[1].text, "Side 12 av 345");
    }
}
