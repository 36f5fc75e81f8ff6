//! What a citizen (or a helper with a power of attorney) does with documents: each chosen photo or
//! PDF is checked and kept with its preview at once ([`Cases::keep_file`], the same for a draft's
//! documents page and for sending documents later), and sending documents to an application
//! already sent (ettersendelse, [`Cases::send_documents`]) turns each document's kept files into
//! one PDF and records them as a submission with its own vedlegg.json.

use velferd_documents::photos::{combine, preview, turned_jpeg, Input, Limits, Preview};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::Millis;
use velferd_formats::vedlegg::{Fil, Vedlegg, VedleggSpesifikasjon, VedleggStatus};
use velferd_store::{DraftFile, NewDraftFile, StoredApplication, SubmittedDocument};

use crate::{CaseError, Cases, Result};

/// Longest side of a thumbnail, in pixels.
pub const THUMB_SIDE: u32 = 320;

/// A kept file's original with what the person did to it: turned, and for a part of a split PDF,
/// which of its pages.
pub(crate) struct Original {
    pub name: String,
    pub bytes: Vec<u8>,
    pub turns: u8,
    pub pages: Option<(usize, usize)>,
}

impl Original {
    pub fn of(file: &DraftFile, bytes: Vec<u8>) -> Original {
        let pages = file.is_pdf.then(|| (usize::try_from(file.first_page).unwrap_or(0), usize::try_from(file.pages).unwrap_or(0)));
        Original { name: file.name.clone(), bytes, turns: (file.quarter_turns % 4) as u8, pages }
    }

    pub fn input(&self) -> Input<'_> {
        let input = Input::new(&self.name, &self.bytes).turned(self.turns);
        match self.pages {
            Some((first, count)) => input.pages(first, count),
            None => input,
        }
    }
}

/// A document the office wants sent to an application: its vedlegg type and subtype, and whether
/// the office asked for it (`dokumentasjonEtterspurt`) rather than the answers implying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub kind: String,
    pub tilleggsinfo: String,
    pub requested: bool,
}

impl Wanted {
    /// Where its files are kept: `type.subtype`, as on the draft's documents page.
    pub fn slot(&self) -> String {
        format!("{}.{}", self.kind, self.tilleggsinfo)
    }
}

/// The "other documents" place everyone may use.
pub fn other() -> Wanted {
    Wanted { kind: "annet".into(), tilleggsinfo: "annet".into(), requested: false }
}

/// Why sending stopped: the document (slot) whose file could not be combined, the file's name and
/// the problem's code (`upload-error-<code>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCombined {
    pub slot: String,
    pub file: String,
    pub code: String,
}

/// What a sending did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// Recorded as this submission, with the documents (in the order of the page).
    Submission { id: String, documents: Vec<SubmittedDocument> },
    /// Nothing was chosen.
    Nothing,
    /// A document's files could not be combined; nothing was sent, the files are still kept.
    NotCombined(NotCombined),
}

impl Cases {
    /// Checks one chosen file and keeps it with its preview: the original and the thumbnail (a
    /// PDF's sheet of pages) in the file store, pages and readability warnings in the result. A
    /// file that cannot be used gives the problem's code (`upload-error-<code>`), and nothing is
    /// stored. The preview is CPU work, done off the async threads.
    pub async fn keep_file(&self, slot: &str, name: &str, bytes: Vec<u8>, limits: &Limits) -> Result<std::result::Result<NewDraftFile, &'static str>> {
        let checked = {
            let (name, limits) = (name.to_owned(), limits.clone());
            let bytes = bytes.clone();
            tokio::task::spawn_blocking(move || preview(&Input::new(&name, &bytes), &limits, THUMB_SIDE)).await.map_err(|e| CaseError::Internal(e.to_string()))?
        };
        let checked = match checked {
            Ok(p) => p,
            Err(problem) => return Ok(Err(problem.code())),
        };
        let stored = self.files.put(&bytes).await?;
        let (thumb_sha256, pages, warnings, is_pdf) = match checked {
            Preview::Picture { thumbnail, warnings, .. } => (Some(self.files.put(&thumbnail).await?), 1, warnings.iter().map(|w| w.code().to_owned()).collect(), false),
            Preview::Pdf { pages, sheet, warnings } => {
                let sheet = match sheet {
                    Some(jpeg) => Some(self.files.put(&jpeg).await?),
                    None => None,
                };
                (sheet, pages as i64, warnings.iter().map(|w| w.code().to_owned()).collect(), true)
            }
        };
        Ok(Ok(NewDraftFile { slot: slot.to_owned(), name: name.to_owned(), sha256: stored, bytes: bytes.len() as i64, thumb_sha256, pages, warnings, is_pdf }))
    }

    /// A kept file's thumbnail, turned as the person turned it; `None` when it has none.
    pub async fn thumbnail(&self, file: &DraftFile) -> Result<Option<Vec<u8>>> {
        let Some(sha) = file.thumb_sha256.as_deref() else {
            return Ok(None);
        };
        let turns = (file.quarter_turns % 4) as u8;
        if turns == 0 {
            return self.files.get(sha).await.map_err(Into::into);
        }
        if file.is_pdf {
            // A sheet of pages is drawn again with each page turned (turning the sheet as a whole
            // would turn its rows of pages too).
            let Some(bytes) = self.files.get(&file.sha256).await? else {
                return Ok(None);
            };
            let original = Original::of(file, bytes);
            let sheet = tokio::task::spawn_blocking(move || match preview(&original.input(), &Limits::default(), THUMB_SIDE) {
                Ok(Preview::Pdf { sheet, .. }) => sheet,
                _ => None,
            })
            .await
            .map_err(|e| CaseError::Internal(e.to_string()))?;
            return Ok(sheet);
        }
        let Some(bytes) = self.files.get(sha).await? else {
            return Ok(None);
        };
        // Thumbnails are small; turning one on the fly is cheaper than storing four.
        let turned = tokio::task::spawn_blocking(move || turned_jpeg(&bytes, turns).unwrap_or(bytes)).await.map_err(|e| CaseError::Internal(e.to_string()))?;
        Ok(Some(turned))
    }

    /// Splits a PDF kept for a draft into one file per page (each with its own thumbnail), so the
    /// citizen can turn, move or remove pages one by one. `false` when it is not a PDF of two or
    /// more pages in `owner`'s draft `draft_id`.
    pub async fn split_draft_file(&self, draft_id: &str, owner: &Fodselsnummer, file: &DraftFile) -> Result<bool> {
        let Some(thumbs) = self.page_thumbnails(file).await? else { return Ok(false) };
        let orphans = self.store.split_draft_file(draft_id, owner, &file.id, &thumbs).await?;
        self.forget(orphans.as_deref().unwrap_or_default()).await;
        Ok(orphans.is_some())
    }

    /// [`Cases::split_draft_file`] for a file `uploader` chose to send later to `owner`'s application.
    pub async fn split_pending_file(&self, application_id: &str, owner: &Fodselsnummer, uploader: &Fodselsnummer, file: &DraftFile) -> Result<bool> {
        let Some(thumbs) = self.page_thumbnails(file).await? else { return Ok(false) };
        let orphans = self.store.split_pending_file(application_id, owner, uploader, &file.id, &thumbs).await?;
        self.forget(orphans.as_deref().unwrap_or_default()).await;
        Ok(orphans.is_some())
    }

    /// A thumbnail for each page of a kept PDF, stored; `None` for a picture or a single page.
    async fn page_thumbnails(&self, file: &DraftFile) -> Result<Option<Vec<Option<String>>>> {
        if !file.is_pdf || file.pages < 2 {
            return Ok(None);
        }
        let bytes = self.files.get(&file.sha256).await?.ok_or_else(|| CaseError::Internal("a kept file is missing from the file store".into()))?;
        let original = Original::of(file, bytes);
        let sheets = tokio::task::spawn_blocking(move || {
            let (first, count) = original.pages.unwrap_or((0, 0));
            (first..first + count)
                .map(|page| match preview(&original.input().pages(page, 1), &Limits::default(), THUMB_SIDE) {
                    Ok(Preview::Pdf { sheet, .. }) => sheet,
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| CaseError::Internal(e.to_string()))?;
        let mut thumbs = Vec::with_capacity(sheets.len());
        for sheet in sheets {
            thumbs.push(match sheet {
                Some(jpeg) => Some(self.files.put(&jpeg).await?),
                None => None,
            });
        }
        Ok(Some(thumbs))
    }

    async fn forget(&self, orphans: &[String]) {
        for sha in orphans {
            if let Err(e) = self.files.delete(sha).await {
                tracing::warn!(error = %e, "could not delete a file no longer used");
            }
        }
    }

    /// What the office wants sent to `sent` (of `owner`): the documents of its latest request (in
    /// the request's order, so a request's place is its number in links), then the documents the
    /// application said would come later that no request names — the receipt told the person to
    /// send those here, and a request for something else does not take their place — and always
    /// "other".
    pub async fn documents_wanted(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<Vec<Wanted>> {
        let doc = self.driving_document(sent, owner).await?;
        let requested = velferd_domain::innsyn::fold(&doc).oppgaver;
        let mut out: Vec<Wanted> = requested
            .into_iter()
            .map(|o| Wanted { tilleggsinfo: o.tilleggsinformasjon.unwrap_or_else(|| o.dokumenttype.clone()), kind: o.dokumenttype, requested: true })
            .collect();
        let spec: VedleggSpesifikasjon = serde_json::from_value(sent.vedlegg_json.clone()).map_err(|e| CaseError::Internal(format!("stored vedlegg.json: {e}")))?;
        for v in spec.vedlegg.into_iter().filter(|v| v.status == VedleggStatus::VedleggKreves) {
            let later = Wanted { kind: v.kind, tilleggsinfo: v.tilleggsinfo, requested: false };
            if !out.iter().any(|w| w.slot() == later.slot()) {
                out.push(later);
            }
        }
        if !out.iter().any(|w| w.slot() == other().slot()) {
            out.push(other());
        }
        Ok(out)
    }

    /// Sends what `uploader` (the owner, or a helper whose power covers it) has kept for `owner`'s
    /// application `sent`: each document's files, in the order chosen and turned as turned, become
    /// one PDF; the PDFs are stored before the submission names them, and the submission (with its
    /// vedlegg.json: `LastetOpp`, answering the office's request or the citizen's own) and the end
    /// of the kept files are one transaction. Files no longer needed are deleted afterwards.
    pub async fn send_documents(&self, sent: &StoredApplication, owner: &Fodselsnummer, uploader: &Fodselsnummer, wanted: &[Wanted], limits: &Limits, now: Millis) -> Result<Sent> {
        let kept = self.store.pending_files(&sent.id, owner, uploader).await?;
        if kept.is_empty() {
            return Ok(Sent::Nothing);
        }
        // The page's order first, then anything kept for a document no longer asked for.
        let mut slots: Vec<Wanted> = wanted.iter().filter(|w| kept.iter().any(|f| f.slot == w.slot())).cloned().collect();
        for f in &kept {
            if !slots.iter().any(|w| w.slot() == f.slot) {
                let (kind, tilleggsinfo) = f.slot.split_once('.').unwrap_or((f.slot.as_str(), f.slot.as_str()));
                slots.push(Wanted { kind: kind.to_owned(), tilleggsinfo: tilleggsinfo.to_owned(), requested: false });
            }
        }
        let mut documents = Vec::new();
        let mut vedlegg = Vec::new();
        for (index, w) in slots.iter().enumerate() {
            let slot = w.slot();
            let mine: Vec<&DraftFile> = kept.iter().filter(|f| f.slot == slot).collect();
            let mut originals = Vec::new();
            for f in &mine {
                let bytes = self.files.get(&f.sha256).await?.ok_or_else(|| CaseError::Internal("a kept file is missing from the file store".into()))?;
                originals.push(Original::of(f, bytes));
            }
            let names: Vec<String> = originals.iter().map(|o| o.name.clone()).collect();
            let limits = limits.clone();
            let combined = tokio::task::spawn_blocking(move || {
                let inputs: Vec<Input<'_>> = originals.iter().map(Original::input).collect();
                combine(&inputs, &limits)
            })
            .await
            .map_err(|e| CaseError::Internal(e.to_string()))?;
            let pdf = match combined {
                Ok(pdf) => pdf,
                Err(e) => {
                    tracing::warn!(error = %e, "kept files could not be combined");
                    let (file, code) = match e.input() {
                        Some((i, problem)) => (names.get(i).cloned().unwrap_or_default(), problem.code()),
                        None => (String::new(), "unreadable"),
                    };
                    return Ok(Sent::NotCombined(NotCombined { slot, file, code: code.to_owned() }));
                }
            };
            let sha = self.files.put(&pdf).await?;
            vedlegg.push(Vedlegg {
                kind: w.kind.clone(),
                tilleggsinfo: w.tilleggsinfo.clone(),
                status: VedleggStatus::LastetOpp,
                filer: vec![Fil { filnavn: format!("{}-{}-{index}.pdf", w.kind, &sha[..8]), sha512: None }],
                hendelse_type: Some(if w.requested { "dokumentasjonEtterspurt" } else { "bruker" }.to_owned()),
                hendelse_referanse: None,
            });
            documents.push(SubmittedDocument { kind: w.kind.clone(), tilleggsinfo: w.tilleggsinfo.clone(), sha256: sha, bytes: pdf.len() as i64 });
        }
        let spec = serde_json::to_value(VedleggSpesifikasjon { vedlegg }).map_err(|e| CaseError::Internal(e.to_string()))?;
        let Some((id, orphans)) = self.store.send_pending(&sent.id, owner, uploader, &documents, &spec, now).await? else {
            return Err(CaseError::NotFound);
        };
        for sha in orphans {
            if let Err(e) = self.files.delete(&sha).await {
                tracing::warn!(error = %e, "could not delete a file no longer used");
            }
        }
        Ok(Sent::Submission { id, documents })
    }
}
