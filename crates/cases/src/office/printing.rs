//! Letters that reach people: a letter not opened online within the office's number of days
//! (`Kontor::brev_utskrift_dager`, default 5) goes onto the office's print-and-post list, with a
//! print-ready PDF that has the address on its first page. Never for a protected address (kode 6/7):
//! those are flagged to be handed over in person and have no address page. Opening the letter online
//! takes it off the list, as does recording that it was printed (or handed over). NAV found decisions
//! sent to digital mailboxes were often never opened, and offices ended up printing them by hand.

use velferd_documents::photos::{combine, Input, Limits};
use velferd_documents::{render, Document};
use velferd_domain::office::DAY;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{LetterToPrint, Outcome};

use super::staff_entry;
use crate::{CaseError, Cases, Result, Words};

impl Cases {
    fn print_cutoff(&self, office: &str, now: Millis) -> Millis {
        let days = self.kommuner.kontor(office).map_or(5, |k| k.brev_utskrift_dager);
        now - i64::from(days) * DAY
    }

    /// The staff member's office's print-and-post list, logged as `list-letters-to-print`.
    pub async fn letters_to_print(&self, staff: &StaffUser, now: Millis) -> Result<Vec<LetterToPrint>> {
        let access = self.access(staff, "list-letters-to-print", None, now).await?;
        self.audit_staff(staff, "list-letters-to-print", None, None, Outcome::Permit, now).await?;
        Ok(self.store.letters_to_print(&access, self.print_cutoff(&staff.office, now)).await?)
    }

    async fn letter_on_list(&self, staff: &StaffUser, letter_id: &str, action: &str, now: Millis) -> Result<LetterToPrint> {
        let access = self.access(staff, action, None, now).await?;
        match self.store.letters_to_print(&access, self.print_cutoff(&staff.office, now)).await?.into_iter().find(|l| l.id == letter_id) {
            Some(l) => Ok(l),
            None => {
                self.audit_staff(staff, action, None, None, Outcome::Deny, now).await?;
                Err(CaseError::NotFound)
            }
        }
    }

    /// The letter as it is printed: a first page with the person's name and address (for a window
    /// envelope), then the letter, logged as `print-letter`. `NotFound` for a letter not on the
    /// office's list; `Forbidden` for a protected address, which is never printed with an address.
    pub async fn letter_for_printing(&self, staff: &StaffUser, letter_id: &str, words: &dyn Words, now: Millis) -> Result<Vec<u8>> {
        let letter = self.letter_on_list(staff, letter_id, "print-letter", now).await?;
        let owner = self.store.owner_of(&letter.application_id).await?;
        if letter.protected {
            self.audit_staff(staff, "print-letter", Some(&letter.application_id), owner, Outcome::Deny, now).await?;
            return Err(CaseError::Forbidden);
        }
        self.audit_staff(staff, "print-letter", Some(&letter.application_id), owner, Outcome::Permit, now).await?;
        let office = self.kommuner.kontor(&staff.office).map(|k| (k.navn.clone(), k.besoksadresse.clone())).unwrap_or_default();
        let cover = Document {
            title: letter.name.clone(),
            language: words.code().to_owned(),
            intro: letter
                .address
                .iter()
                .cloned()
                .chain([
                    String::new(),
                    words.t("print-cover-from", &[("office", office.0.clone()), ("address", office.1.clone())]),
                    words.t("print-cover-reference", &[("reference", letter.reference.clone())]),
                ])
                .collect(),
            sections: vec![],
            footer: format!("{} · {}", office.0, letter.reference),
            page_label: words.t("letter-page", &[]),
        };
        let cover = render(&cover).map_err(|e| CaseError::Internal(format!("address page: {e}")))?;
        let bytes = self.files.get(&letter.sha256).await?.ok_or_else(|| CaseError::Internal("a recorded letter is missing from the file store".into()))?;
        tokio::task::spawn_blocking(move || combine(&[Input::new("adresse.pdf", &cover), Input::new("brev.pdf", &bytes)], &Limits::default()))
            .await
            .map_err(|e| CaseError::Internal(e.to_string()))?
            .map_err(|e| CaseError::Internal(format!("print PDF: {e:?}")))
    }

    /// Records that a letter on the list was printed and posted, or handed over in person, logged
    /// as `letter-printed`. `NotFound` when it is not on the office's list.
    pub async fn mark_letter_printed(&self, staff: &StaffUser, letter_id: &str, now: Millis) -> Result<()> {
        let letter = self.letter_on_list(staff, letter_id, "letter-printed", now).await?;
        let owner = self.store.owner_of(&letter.application_id).await?;
        let entry = staff_entry(staff, "letter-printed", Some(&letter.application_id), owner, Outcome::Permit);
        if self.store.letter_printed(&staff.office, letter_id, &staff.name, &entry, now).await? {
            Ok(())
        } else {
            Err(CaseError::NotFound)
        }
    }
}
