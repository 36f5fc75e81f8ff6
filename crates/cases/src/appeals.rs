//! Appeals (klage) against a decision (rules in [`velferd_domain::vedtak::klage`], file format in
//! [`velferd_formats::klage`]): the person appeals a made decision from their case page; an appeal
//! after the three-week deadline is received all the same, marked late, with the reason asked for
//! (forvaltningsloven §§ 29 and 31). The office takes it into processing, then either upholds it
//! (medhold: the caseworker makes a new decision on the decision page) or keeps the decision and
//! sends the appeal on to the county governor (statsforvalteren) with a cover letter, as
//! forvaltningsloven § 33 asks. Every step is an event in the appeal's `hendelser` that the person
//! sees at once.

use velferd_domain::ids::Fodselsnummer;
use velferd_domain::office::Refusal;
use velferd_domain::staff::StaffUser;
use velferd_domain::vedtak::klage::{receive, Timing};
use velferd_domain::Millis;
use velferd_formats::klage::{KlageHendelse, KlageJson, KlageStatus, KlageStatusHendelse, KlageUtfall, UtfallHendelse};
use velferd_store::{AppealRow, AppealStep, DecisionRow, NewAppeal, OfficeCase, Outcome, StoredApplication};

use crate::office::actions::oslo_date;
use crate::office::staff_entry;
use crate::{CaseError, Cases, Result, Words};

/// A decision the person may appeal, with its deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appealable {
    pub decision: DecisionRow,
    /// The day the decision letter reached them: the day they opened it, or the day it was sent.
    pub reached: time::Date,
    /// The last day to appeal in time (three weeks from `reached`, past weekends and holidays).
    pub deadline: time::Date,
}

/// The appeal form as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppealForm {
    pub decision_id: String,
    pub text: String,
    /// Why it comes late (asked for only when it does).
    pub late_reason: String,
    pub token: String,
}

/// What the office does with an appeal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppealAction {
    /// Take it into processing.
    Process,
    /// Uphold it (medhold); a new decision follows on the decision page.
    Uphold,
    /// Keep the decision and send the appeal on to the county governor, with the office's
    /// assessment for the cover letter.
    Forward { assessment: String },
}

fn tidspunkt(now: Millis) -> String {
    velferd_formats::soknad::tidspunkt(now)
}

fn status_event(status: KlageStatus, text: &str, now: Millis) -> serde_json::Value {
    let h =
        KlageHendelse::KlageStatusHendelse(KlageStatusHendelse { hendelse_id: velferd_store::new_uuid(), hendelse_tekst: text.to_owned(), hendelse_dato: tidspunkt(now), status });
    serde_json::to_value(h).unwrap_or_default()
}

fn outcome_event(utfall: KlageUtfall, text: &str, now: Millis) -> serde_json::Value {
    let h = KlageHendelse::UtfallHendelse(UtfallHendelse { hendelse_id: velferd_store::new_uuid(), hendelse_tekst: text.to_owned(), hendelse_dato: tidspunkt(now), utfall });
    serde_json::to_value(h).unwrap_or_default()
}

impl Cases {
    /// The made decisions on the person's application that have a letter, each with its deadline:
    /// three weeks from the day the letter reached them — the day they opened it, or the day it was
    /// sent when they have not.
    pub async fn appealable(&self, sent: &StoredApplication, owner: &Fodselsnummer) -> Result<Vec<Appealable>> {
        let letters = self.store.letters(&sent.id, owner).await?;
        let mut out = Vec::new();
        for d in self.store.decisions(&sent.id).await? {
            if d.stage != "vedtatt" {
                continue;
            }
            let Some(letter) = d.letter_id.as_ref().and_then(|id| letters.iter().find(|l| &l.id == id)) else { continue };
            let reached = oslo_date(letter.first_opened_ms.unwrap_or(letter.created_ms));
            out.push(Appealable { reached, deadline: velferd_domain::vedtak::klage::deadline(reached), decision: d });
        }
        Ok(out)
    }

    /// The appeals on the person's application (the caller found it as theirs).
    pub async fn appeals(&self, sent: &StoredApplication) -> Result<Vec<AppealRow>> {
        Ok(self.store.appeals_of(&sent.id).await?)
    }

    /// The person appeals a decision. Received in time or late (never refused for lateness); errors
    /// only for the form: `Invalid` with `klage-decision` (not a decision of theirs that can be
    /// appealed) or the text's fault (field `begrunnelse`). Returns the appeal and whether it came
    /// late without a reason (the page then asks for one).
    pub async fn appeal(&self, sent: &StoredApplication, owner: &Fodselsnummer, form: &AppealForm, words: &dyn Words, now: Millis) -> Result<(String, bool)> {
        let appealable = self.appealable(sent, owner).await?;
        let Some(target) = appealable.iter().find(|a| a.decision.id == form.decision_id) else {
            return Err(CaseError::Invalid(vec![Refusal { key: "error-klage-decision", field: "vedtak" }]));
        };
        let text = velferd_domain::text::clean(&form.text, velferd_domain::text::MAX_LONG_TEXT).map_err(|key| CaseError::Invalid(vec![Refusal { key, field: "begrunnelse" }]))?;
        if text.is_empty() {
            return Err(CaseError::Invalid(vec![Refusal { key: "error-klage-empty", field: "begrunnelse" }]));
        }
        let late_reason =
            velferd_domain::text::clean(&form.late_reason, velferd_domain::text::MAX_LONG_TEXT).map_err(|key| CaseError::Invalid(vec![Refusal { key, field: "forsinkelse" }]))?;
        let received = receive(target.reached, oslo_date(now), Some(&late_reason));
        let (deadline, days_late) = match received.timing {
            Timing::InTime { deadline } => (deadline, 0),
            Timing::Late { deadline, days_late } => (deadline, days_late),
        };
        let klage_id = velferd_store::new_uuid();
        let klage_json = serde_json::to_value(KlageJson {
            fiks_digisos_id: sent.id.clone(),
            klage_id: klage_id.clone(),
            vedlegg_spesifikasjon_id: velferd_store::new_uuid(),
            vedtak_ider: vec![target.decision.id.clone()],
        })
        .map_err(|e| CaseError::Internal(e.to_string()))?;
        let event = status_event(KlageStatus::Mottatt, &words.t("klage-event-received", &[]), now);
        let token = if form.token.len() >= 8 { form.token.clone() } else { velferd_store::new_id() };
        let new = NewAppeal {
            application_id: &sent.id,
            decision_id: &target.decision.id,
            token: &token,
            text: &text,
            deadline: &deadline.to_string(),
            days_late,
            late_reason: received.late_reason.as_deref(),
            klage_json: &klage_json,
            event: &event,
        };
        let id = self.store.receive_appeal(&new, now).await?;
        Ok((id, received.needs_reason()))
    }

    /// The appeals on a case of the staff member's office, logged as `read-appeals`.
    pub async fn office_appeals(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<(OfficeCase, Vec<AppealRow>)> {
        let case = self.open_case(staff, "read-appeals", id, now).await?;
        let appeals = self.store.appeals_of(id).await?;
        Ok((case, appeals))
    }

    /// The office's open appeals with their case references, logged as `list-appeals`.
    pub async fn open_appeals(&self, staff: &StaffUser, now: Millis) -> Result<Vec<(AppealRow, String)>> {
        let access = self.access(staff, "list-appeals", None, now).await?;
        self.audit_staff(staff, "list-appeals", None, None, Outcome::Permit, now).await?;
        Ok(self.store.open_appeals(&access.office, access.protected_persons).await?)
    }

    /// The office's step on appeal `appeal` (as it was at `version`). Errors: `Invalid` for a step
    /// the appeal's state does not allow (`error-klage-step`) or forwarding without an assessment
    /// (`error-klage-assessment`, field `vurdering`); `Conflict` when it changed since the page was
    /// drawn.
    #[allow(clippy::too_many_arguments)]
    pub async fn appeal_step(&self, staff: &StaffUser, id: &str, appeal: &str, version: i64, action: &AppealAction, words: &dyn Words, now: Millis) -> Result<()> {
        let (_, case) = self.find_case(staff, "appeal-step", id, now).await?;
        let current = self.store.appeals_of(id).await?.into_iter().find(|a| a.id == appeal).ok_or(CaseError::NotFound)?;
        let open = matches!(current.status.as_str(), "MOTTATT" | "UNDER_BEHANDLING");
        let step_refused = || CaseError::Invalid(vec![Refusal { key: "error-klage-step", field: "" }]);
        let step = match action {
            AppealAction::Process if current.status == "MOTTATT" => AppealStep {
                status: "UNDER_BEHANDLING",
                outcome: None,
                events: vec![status_event(KlageStatus::UnderBehandling, &words.t("klage-event-processing", &[]), now)],
                letter: None,
            },
            AppealAction::Uphold if open => AppealStep {
                status: "FERDIGBEHANDLET",
                outcome: Some("MEDHOLD"),
                events: vec![
                    outcome_event(KlageUtfall::Medhold, &words.t("klage-event-upheld", &[]), now),
                    status_event(KlageStatus::Ferdigbehandlet, &words.t("klage-event-done", &[]), now),
                ],
                letter: None,
            },
            AppealAction::Forward { assessment } if open => {
                let assessment =
                    velferd_domain::text::clean(assessment, velferd_domain::text::MAX_LONG_TEXT).map_err(|key| CaseError::Invalid(vec![Refusal { key, field: "vurdering" }]))?;
                if assessment.is_empty() {
                    return Err(CaseError::Invalid(vec![Refusal { key: "error-klage-assessment", field: "vurdering" }]));
                }
                let pdf = self.cover_letter(&case, &current, &assessment, words)?;
                let sha = self.files.put(&pdf).await?;
                AppealStep {
                    status: "VIDERESENDT",
                    outcome: Some("OPPRETTHOLDT"),
                    events: vec![
                        outcome_event(KlageUtfall::Opprettholdt, &words.t("klage-event-kept", &[]), now),
                        status_event(KlageStatus::Videresendt, &words.t("klage-event-forwarded", &[]), now),
                    ],
                    letter: Some((words.t("klage-cover-title", &[]), sha, pdf.len() as i64)),
                }
            }
            _ => return Err(step_refused()),
        };
        let entry = staff_entry(staff, "appeal-step", Some(id), Some(case.owner.as_str().to_owned()), Outcome::Permit);
        if self.store.appeal_step(id, appeal, version, &step, &entry, now).await? {
            Ok(())
        } else {
            Err(CaseError::Conflict)
        }
    }

    /// The cover letter (oversendelsesbrev) to the county governor, copied to the person: plain
    /// words first (what happens now and when), then the appeal, the office's assessment and the
    /// right to see the case documents.
    fn cover_letter(&self, case: &OfficeCase, appeal: &AppealRow, assessment: &str, words: &dyn Words) -> Result<Vec<u8>> {
        use velferd_documents::{render, Document, Row, Section};
        let office = self.kommuner.kontor(&case.application.enhetsnummer).map(|k| k.navn.clone()).unwrap_or_default();
        let timing = if appeal.days_late > 0 {
            words.t("klage-cover-late", &[("deadline", velferd_domain::dates::norwegian_date(&appeal.deadline)), ("days", appeal.days_late.to_string())])
        } else {
            words.t("klage-cover-in-time", &[("deadline", velferd_domain::dates::norwegian_date(&appeal.deadline))])
        };
        let mut sections = vec![
            Section { heading: words.t("klage-cover-what-now-heading", &[]), rows: vec![Row::Text(words.t("klage-cover-what-now", &[("office", office.clone())]))] },
            Section { heading: words.t("klage-cover-appeal-heading", &[]), rows: vec![Row::Text(timing), Row::Text(appeal.text.clone())] },
            Section { heading: words.t("klage-cover-assessment-heading", &[]), rows: vec![Row::Text(assessment.to_owned())] },
            Section { heading: words.t("klage-cover-rights-heading", &[]), rows: vec![Row::Text(words.t("klage-cover-rights", &[]))] },
        ];
        if let Some(reason) = &appeal.late_reason {
            sections[1].rows.push(Row::Text(words.t("klage-cover-late-reason", &[("reason", reason.clone())])));
        }
        let doc = Document {
            title: words.t("klage-cover-title", &[]),
            language: words.code().to_owned(),
            intro: vec![
                words.t("klage-cover-to", &[]),
                words.t("letter-from", &[("office", office.clone())]),
                words.t("letter-reference", &[("reference", case.application.reference.clone())]),
            ],
            sections,
            footer: format!("{office} · {}", case.application.reference),
            page_label: words.t("letter-page", &[]),
        };
        render(&doc).map_err(|e| CaseError::Internal(format!("cover letter: {e}")))
    }
}
