//! Documents as the office reads them: one merged PDF with a contents page, the documents after it
//! in order, so a case's documents read from start to end like a paper file.

use velferd_documents::photos::{combine, pdf_page_count, Input, Limits};
use velferd_documents::{render, Document, Row, Section};

use crate::{CaseError, Cases, Result};

impl Cases {
    /// One PDF: a contents page listing every document (label and pages), then the documents.
    /// `documents` are (label, sha256 of a stored PDF). Rendering runs off the async threads.
    pub async fn merged_pdf(&self, title: String, intro: Vec<String>, documents: &[(String, String)]) -> Result<Vec<u8>> {
        let mut pdfs = Vec::new();
        for (label, sha) in documents {
            let bytes = self.files.get(sha).await?.ok_or_else(|| CaseError::Internal("a recorded file is missing from the file store".into()))?;
            pdfs.push((label.clone(), bytes));
        }
        tokio::task::spawn_blocking(move || merge(&title, &intro, &pdfs)).await.map_err(|e| CaseError::Internal(e.to_string()))?
    }
}

fn merge(title: &str, intro: &[String], pdfs: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let pages_of = |bytes: &[u8]| pdf_page_count(bytes).unwrap_or(1);
    let counts: Vec<usize> = pdfs.iter().map(|(_, b)| pages_of(b)).collect();
    // The contents page's own length decides where the documents start; one more pass if it came
    // out longer than assumed.
    let mut toc_pages = 1;
    loop {
        let mut first = toc_pages + 1;
        let rows = pdfs
            .iter()
            .zip(&counts)
            .map(|((label, _), n)| {
                let last = first + n - 1;
                let value = if *n == 1 { format!("side {first}") } else { format!("side {first}–{last}") };
                first = last + 1;
                Row::Field { label: label.clone(), value }
            })
            .collect();
        let toc = render(&Document {
            title: title.to_owned(),
            language: "nb".into(),
            intro: intro.to_vec(),
            sections: vec![Section { heading: "Innhold".into(), rows }],
            footer: title.to_owned(),
            page_label: "Innhold, side {page} av {pages}".into(),
        })
        .map_err(|e| CaseError::Internal(e.to_string()))?;
        let actual = pages_of(&toc);
        if actual != toc_pages && toc_pages < 10 {
            toc_pages = actual;
            continue;
        }
        let mut inputs = vec![Input::new("innhold.pdf", &toc)];
        inputs.extend(pdfs.iter().map(|(label, bytes)| Input::new(label, bytes)));
        let limits = Limits { max_pages: 2000, ..Limits::default() };
        return combine(&inputs, &limits).map_err(|e| CaseError::Internal(e.to_string()));
    }
}
