//! A caseworker registers an application that came on paper, by phone or at the desk — or fills one
//! in together with the person (assisted) — in the same steps, with the same field definitions and
//! the same checks as the person's own form (`velferd_domain::application`), into a draft owned by
//! the person (migration 0027: `drafts.registered_by`, never among the person's own drafts).
//! Sending it is [`crate::apply::prepare`] and `Store::submit` like the person's own send, so it
//! has the same soknad.json, first events and inbox row, and the person sees it under "My
//! applications"; the application also records its channel, who registered it and, for a person
//! at the office, how their identity was checked and by whom. A paper application's scanned
//! original goes through the document pipeline (checked, kept, made into one PDF) and is sent
//! with it as a document.

use velferd_documents::photos::{combine, Input, Limits};
use velferd_domain::application::{parse_application, validate_step, Answers, FieldError, Soker, Step, LANGUAGE};
use velferd_domain::assisted::{check_kommune_reason, check_registration, check_without_eid, RegistrationForm, WithoutEidForm};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{ApplicationChannel, DraftFile, Outcome, PersonWithoutEid, StaffDraft, Submitted, SubmittedDocument};

use crate::{CaseError, Cases, Result};

/// The draft slot a paper application's scanned original is kept in until it is sent.
pub const SCAN_SLOT: &str = "skjema.papirsoknad";
/// The document type and subtype the scanned original is sent as (vedlegg.json).
pub const SCAN_KIND: (&str, &str) = ("skjema", "papirsoknad");

/// What a caseworker typed to start a registration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartForm {
    pub fnr: String,
    pub kommune: String,
    /// Why, when the municipality belongs to another office.
    pub reason: String,
}

/// A staff draft with what its pages show.
#[derive(Debug, Clone)]
pub struct Registering {
    pub draft: StaffDraft,
    pub person: Soker,
    /// The person's open applications (id, reference, sent): a new one may be a duplicate.
    pub open: Vec<(String, String, Millis)>,
    /// The scanned original's kept files.
    pub scan: Vec<DraftFile>,
}

/// The last page as typed: the registration, and the language the person wants letters in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendForm {
    pub registration: RegistrationForm,
    pub language: String,
}

/// What registering came to.
#[derive(Debug)]
pub enum Registered {
    Sent(Submitted),
    /// Steps not complete (each with its errors), or the last page's faults. Nothing was sent.
    Incomplete {
        steps: Vec<(Step, FieldError)>,
        fields: Vec<FieldError>,
    },
}

impl Cases {
    /// Starts a registration for the person with fødselsnummer `form.fnr` in `form.kommune`:
    /// they must be in the register, a protected person needs the role for it, and a
    /// municipality another office serves needs a reason. Every fault at once; nothing written then.
    pub async fn start_registration(&self, staff: &StaffUser, form: &StartForm, now: Millis) -> Result<std::result::Result<String, Vec<FieldError>>> {
        let access = self.access(staff, "register-application", None, now).await?;
        let mut errors = Vec::new();
        let fnr = Fodselsnummer::parse(form.fnr.trim()).map_err(|key| errors.push(FieldError::new("fnr", key))).ok();
        let person = match &fnr {
            Some(fnr) => self.store.person_with_protection(fnr).await?,
            None => None,
        };
        if fnr.is_some() {
            match &person {
                None => errors.push(FieldError::new("fnr", "error-assisted-not-in-register")),
                Some((_, Some(_))) if !access.protected_persons => errors.push(FieldError::new("fnr", "error-assisted-protected")),
                Some(_) => {}
            }
        }
        let kommune = self.kommuner.find(form.kommune.trim()).cloned();
        let reason = match &kommune {
            None => {
                errors.push(FieldError::new("kommune", "error-kommune-unknown"));
                None
            }
            Some(k) => match check_kommune_reason(k.kontor.enhetsnummer == staff.office, &form.reason) {
                Ok(reason) => reason,
                Err(key) => {
                    errors.push(FieldError::new("grunn", key));
                    None
                }
            },
        };
        let (Some(fnr), Some(kommune), true) = (fnr, kommune, errors.is_empty()) else { return Ok(Err(errors)) };
        let draft = self.store.create_staff_draft(&fnr, &kommune.nummer, &staff.subject, &staff.office, reason.as_deref(), now).await?;
        self.audit_staff(staff, "register-application", None, Some(fnr.as_str().to_owned()), Outcome::Permit, now).await?;
        Ok(Ok(draft.id))
    }

    /// A staff draft of the staff member's office with the person and their open applications,
    /// logged as `read-registration` on the person. Another office's draft, or one that is sent or
    /// expired, is `NotFound`.
    pub async fn registering(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<Registering> {
        let access = self.access(staff, "register-application", None, now).await?;
        let draft = self.store.staff_draft(id, &staff.office, now).await?.ok_or(CaseError::NotFound)?;
        let (person, protection) = self.store.person_with_protection(&draft.owner).await?.ok_or(CaseError::NotFound)?;
        if protection.is_some() && !access.protected_persons {
            self.audit_staff(staff, "register-application", None, Some(draft.owner.as_str().to_owned()), Outcome::Deny, now).await?;
            return Err(CaseError::NotFound);
        }
        // The pages show the person's name, number and address: a read, logged.
        self.audit_staff(staff, "read-registration", None, Some(draft.owner.as_str().to_owned()), Outcome::Permit, now).await?;
        let open = self.store.open_applications(&draft.owner).await?;
        let scan = self.store.draft_files(&draft.draft.id, &draft.owner).await?.into_iter().filter(|f| f.slot == SCAN_SLOT).collect();
        Ok(Registering { draft, person, open, scan })
    }

    /// The office's registrations not yet sent (for "go on with").
    pub async fn registrations(&self, staff: &StaffUser, now: Millis) -> Result<Vec<StaffDraft>> {
        self.access(staff, "register-application", None, now).await?;
        Ok(self.store.staff_drafts(&staff.office, now).await?)
    }

    /// Saves one step's posted fields into the staff draft (always, as the person's own form does,
    /// so nothing typed is lost) and returns the draft with the step's errors.
    pub async fn save_registration_step(&self, staff: &StaffUser, id: &str, step: Step, posted: &[(String, String)], now: Millis) -> Result<(Registering, Vec<FieldError>)> {
        let mut r = self.registering(staff, id, now).await?;
        r.draft.draft.answers.merge_step(step, posted);
        if step == Step::Familie {
            crate::assisted::change_children(&mut r.draft.draft.answers, posted.iter().find(|(k, _)| k == "handling").map_or("neste", |(_, v)| v.as_str()));
        }
        if !self.store.save_answers(&r.draft.draft.id, &r.draft.owner, &r.draft.draft.answers, now).await? {
            return Err(CaseError::NotFound);
        }
        r.draft.draft.updated_ms = now;
        let errors = validate_step(step, &r.draft.draft.answers);
        Ok((r, errors))
    }

    /// Keeps a scanned original (a photo or PDF of the paper form) with the staff draft, checked
    /// as the person's own documents are. `Err(code)`: why the file was refused.
    pub async fn keep_scan(&self, staff: &StaffUser, id: &str, name: &str, bytes: Vec<u8>, limits: &Limits, now: Millis) -> Result<std::result::Result<(), &'static str>> {
        let r = self.registering(staff, id, now).await?;
        match self.keep_file(SCAN_SLOT, name, bytes, limits).await? {
            Ok(file) => {
                self.store.add_draft_file(&r.draft.draft.id, &r.draft.owner, &file, now).await?.ok_or(CaseError::NotFound)?;
                Ok(Ok(()))
            }
            Err(code) => Ok(Err(code)),
        }
    }

    /// Sends the staff draft as the person's application with its channel: the steps must be
    /// complete, the last page right ([`check_registration`]); the scanned original becomes one
    /// PDF sent with it. Audited as `register-application` on the new application.
    pub async fn register_application(&self, staff: &StaffUser, id: &str, form: &SendForm, limits: &Limits, now: Millis) -> Result<Registered> {
        let r = self.registering(staff, id, now).await?;
        let mut answers = r.draft.draft.answers.clone();
        let mut registration = form.registration.clone();
        registration.has_scan = !r.scan.is_empty();
        let checked = check_registration(&registration, &staff.name, !r.open.is_empty());
        if registration.person_confirmed {
            answers.set("bekreft", "ja");
        }
        let language = if ["nb", "nn", "en"].contains(&form.language.as_str()) { form.language.as_str() } else { "nb" };
        answers.set(LANGUAGE, language);
        let parsed = parse_application(&answers);
        let (application, registration) = match (parsed, checked) {
            (Ok(a), Ok(reg)) => (a, reg),
            (parsed, checked) => {
                return Ok(Registered::Incomplete { steps: parsed.err().unwrap_or_default(), fields: checked.err().unwrap_or_default() });
            }
        };
        let kommune = self.kommuner.get(&r.draft.draft.kommunenummer).ok_or_else(|| CaseError::Internal("draft names a municipality not in the catalogue".into()))?.clone();
        let mut documents = Vec::new();
        let mut scan_names = Vec::new();
        if !r.scan.is_empty() {
            let pdf = self.scan_pdf(&r.scan, limits).await?;
            let sha = self.files.put(&pdf).await?;
            scan_names.push(format!("{}-{}.pdf", SCAN_KIND.1, &sha[..8]));
            documents.push(SubmittedDocument { kind: SCAN_KIND.0.to_owned(), tilleggsinfo: SCAN_KIND.1.to_owned(), sha256: sha, bytes: pdf.len() as i64 });
        }
        let (mut person, protection) = self.store.person_with_protection(&r.draft.owner).await?.ok_or(CaseError::NotFound)?;
        if protection.is_some() {
            person.adresse = None;
        }
        let mut new = crate::apply::prepare(&application, &answers, &person, &kommune, now, documents, &[]);
        if protection.is_some() {
            crate::apply::without_addresses(&mut new.soknad_json);
        }
        if let (Some(list), false) = (new.vedlegg_json.get_mut("vedlegg").and_then(|v| v.as_array_mut()), scan_names.is_empty()) {
            let filer: Vec<serde_json::Value> = scan_names.iter().map(|n| serde_json::json!({"filnavn": n})).collect();
            list.push(serde_json::json!({"type": SCAN_KIND.0, "tilleggsinfo": SCAN_KIND.1, "status": "LastetOpp", "filer": filer, "hendelseType": "soknad"}));
        }
        let channel = ApplicationChannel {
            channel: registration.channel,
            registered_by: Some((staff.subject.clone(), staff.name.clone())),
            identity_check: registration.identity_check,
            identity_checked_by: registration.identity_checked_by,
            kommune_reason: r.draft.kommune_reason.clone(),
        };
        let sent = self.store.submit_registered(&r.draft.draft.id, &r.draft.owner, &new, &channel, now).await?.ok_or(CaseError::NotFound)?;
        self.audit_staff(staff, "register-application", Some(&sent.id), Some(r.draft.owner.as_str().to_owned()), Outcome::Permit, now).await?;
        tracing::info!(application = %sent.id, channel = channel.channel.slug(), "application registered by the office");
        Ok(Registered::Sent(sent))
    }

    /// The scanned original's kept files as one PDF, in the order kept.
    async fn scan_pdf(&self, files: &[DraftFile], limits: &Limits) -> Result<Vec<u8>> {
        let mut originals = Vec::new();
        for f in files {
            let bytes = self.files.get(&f.sha256).await?.ok_or_else(|| CaseError::Internal("a kept scan is missing from the file store".into()))?;
            originals.push(crate::citizen::Original::of(f, bytes));
        }
        let limits = limits.clone();
        tokio::task::spawn_blocking(move || {
            let inputs: Vec<Input<'_>> = originals.iter().map(crate::citizen::Original::input).collect();
            combine(&inputs, &limits)
        })
        .await
        .map_err(|e| CaseError::Internal(e.to_string()))?
        .map_err(|e| CaseError::Internal(format!("the scanned original could not be made into a PDF: {e}")))
    }

    /// How an application came in, for the case file.
    pub async fn channel_of(&self, application_id: &str) -> Result<Option<ApplicationChannel>> {
        Ok(self.store.application_channel(application_id).await?)
    }
}

impl Cases {
    /// Registers a person without electronic ID after checking their identity in person
    /// ([`velferd_domain::assisted::check_without_eid`]): they must be in the register (a protected
    /// person needs the role). Every fault at once; nothing written then. Audited as
    /// `register-person-without-eid`.
    pub async fn register_without_eid(&self, staff: &StaffUser, fnr: &str, form: &WithoutEidForm, now: Millis) -> Result<std::result::Result<(), Vec<FieldError>>> {
        let access = self.access(staff, "register-person-without-eid", None, now).await?;
        let mut errors = Vec::new();
        let fnr = Fodselsnummer::parse(fnr.trim()).map_err(|key| errors.push(FieldError::new("fnr", key))).ok();
        if let Some(f) = &fnr {
            match self.store.person_with_protection(f).await? {
                None => errors.push(FieldError::new("fnr", "error-assisted-not-in-register")),
                Some((_, Some(_))) if !access.protected_persons => errors.push(FieldError::new("fnr", "error-assisted-protected")),
                Some(_) => {}
            }
        }
        let checked = check_without_eid(form).map_err(|e| errors.extend(e)).ok();
        let (Some(fnr), Some(checked), true) = (fnr, checked, errors.is_empty()) else { return Ok(Err(errors)) };
        let person = PersonWithoutEid {
            fnr: fnr.as_str().to_owned(),
            phone: checked.phone,
            contact: checked.contact,
            identity_check: checked.identity_check,
            identity_checked_by: staff.name.clone(),
            office: staff.office.clone(),
            registered_by: (staff.subject.clone(), staff.name.clone()),
            updated_ms: now,
        };
        let audit = crate::office::staff_entry(staff, "register-person-without-eid", None, Some(fnr.as_str().to_owned()), Outcome::Permit);
        self.store.register_without_eid(&person, &audit, now).await?;
        Ok(Ok(()))
    }
}

/// Adds a child slot, or removes the last one with its answers (the family step's buttons), as the
/// person's own form does.
pub fn change_children(answers: &mut Answers, action: &str) {
    use velferd_domain::application::{antall_barn, barn_field, MAX_BARN};
    let count = antall_barn(answers).max(1);
    match action {
        "legg-til-barn" => {
            answers.set("har_barn", "ja");
            answers.set("antall_barn", (count + 1).min(MAX_BARN).to_string());
        }
        "fjern-barn" if count > 1 => {
            for name in ["fornavn", "etternavn", "fodselsdato", "bor_sammen", "delt_bosted", "samvaer"] {
                answers.set(barn_field(count, name), "");
            }
            answers.set("antall_barn", (count - 1).to_string());
        }
        _ => {}
    }
}
