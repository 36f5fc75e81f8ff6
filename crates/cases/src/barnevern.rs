//! Child welfare (barnevern): concern reports from the public and from professionals, and the
//! child-welfare service's work on them. Rules in `velferd_domain::barnevern`, rows in
//! `velferd_store` (`concern_reports.rs`).
//!
//! Access is the strictest in Velferd: only staff with the child-welfare role for the report's
//! municipality ([`Access`]) read or act; anyone else — NAV's caseworkers and managers included —
//! gets [`CaseError::NotFound`], the same answer as for a report that does not exist, logged as
//! refused. Every read is audited (in the read's own transaction); every step carries the version
//! of the page it was taken from. The audit entries name the report (`application_id` = the
//! report's id) but no person: a report's child or reporter never sees child-welfare reads in
//! their own "who has looked" page, which could warn the person a report is about.

use velferd_documents::{render, Row, Section};
use velferd_domain::barnevern::{self, Access, Action, Deadline, Jurisdiction, Report, ReportState, Step, Urgency};
use velferd_domain::office::Refusal;
use velferd_domain::staff::StaffUser;
use velferd_domain::Millis;
use velferd_store::{AuditEntry, ConcernReportFull, ConcernReportRow, NewConcernReport, NewReportFile, NewStep, Outcome, RateCount, ReportProjection};

use crate::{CaseError, Cases, Result, Words};

/// A report as the child-welfare service's page shows it.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub full: ConcernReportFull,
    pub state: ReportState,
    pub deadlines: Vec<Deadline>,
    /// The municipality's name.
    pub kommune: String,
}

/// What a caseworker does on a report, as the form sent it (checked here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Urgency assessed (`akutt`, `snart`, `vanlig`), with the reason.
    AssessUrgency {
        urgency: String,
        reason: String,
    },
    Review {
        note: String,
    },
    OpenInvestigation {
        reason: String,
    },
    /// The investigation's last day moved to `until` (a date), with the reason.
    Extend {
        until: String,
        reason: String,
    },
    Close {
        reason: String,
    },
    /// Merged into the report with this reference (`BM-…`) or id.
    Merge {
        into: String,
        reason: String,
    },
    /// The feedback letter to the professional reporter (barnevernsloven § 13-4), in `words`' language.
    SendFeedback,
}

impl Command {
    fn action(&self) -> Action {
        match self {
            Command::AssessUrgency { .. } => Action::AssessUrgency,
            Command::Review { .. } => Action::Review,
            Command::OpenInvestigation { .. } => Action::OpenInvestigation,
            Command::Extend { .. } => Action::Extend,
            Command::Close { .. } => Action::Close,
            Command::Merge { .. } => Action::Merge,
            Command::SendFeedback => Action::SendFeedback,
        }
    }

    /// The audit log's action name.
    pub fn audit_action(&self) -> &'static str {
        match self {
            Command::AssessUrgency { .. } => "barnevern-hastegrad",
            Command::Review { .. } => "barnevern-gjennomgang",
            Command::OpenInvestigation { .. } => "barnevern-undersokelse",
            Command::Extend { .. } => "barnevern-forlengelse",
            Command::Close { .. } => "barnevern-avslutt",
            Command::Merge { .. } => "barnevern-sammenslaa",
            Command::SendFeedback => "barnevern-tilbakemelding",
        }
    }
}

fn entry(staff: &StaffUser, action: &str, report_id: Option<&str>, outcome: Outcome) -> AuditEntry {
    AuditEntry {
        actor: format!("staff:{}", staff.subject),
        actor_name: staff.name.clone(),
        role: staff.role_list(),
        office: Some(staff.office.clone()),
        action: action.to_owned(),
        person: None,
        application_id: report_id.map(str::to_owned),
        outcome,
    }
}

/// The projection of a report's state: status and the end of its next unmet deadline.
pub fn projection(state: &ReportState, report: &Report) -> ReportProjection {
    let open = state.open();
    ReportProjection {
        status: state.status().code(),
        next_deadline_ms: open.then(|| state.next_deadline(report.jurisdiction).map(|d| d.ends_at)).flatten(),
        acute: state.acute(report),
    }
}

fn fold(full: &ConcernReportFull) -> ReportState {
    ReportState::fold(full.steps.iter().map(|s| (&s.step, s.at_ms))).with_reporter(&full.row.report.reporter)
}

/// A time as Norwegians write it, in Norway's time: `01.12.2026 kl. 09:30`.
pub fn date_time(ms: Millis) -> String {
    let t = velferd_domain::dates::oslo_time(ms);
    format!("{:02}.{:02}.{:04} kl. {:02}:{:02}", t.day(), u8::from(t.month()), t.year(), t.hour(), t.minute())
}

/// A date as Norwegians write it: `01.12.2026`.
pub fn date(d: time::Date) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), u8::from(d.month()), d.year())
}

impl Cases {
    /// The staff member's child-welfare access, or `NotFound` (logged as refused): NAV's roles see
    /// no trace that child-welfare reports exist.
    pub async fn child_welfare_access(&self, staff: &StaffUser, action: &str, report_id: Option<&str>, now: Millis) -> Result<Access> {
        match Access::for_staff(&staff.roles, &staff.office, &self.kommuner) {
            Some(a) => Ok(a),
            None => {
                self.store.audit(&entry(staff, action, report_id, Outcome::Deny), now).await?;
                Err(CaseError::NotFound)
            }
        }
    }

    /// The jurisdiction of a municipality that takes concern reports here (all of the catalogue's
    /// municipalities are Norwegian; Sweden's deadlines are ready for its municipalities).
    pub fn child_welfare_kommune(&self, k: &velferd_domain::ids::Kommunenummer) -> Option<Jurisdiction> {
        self.kommuner.get(k).map(|_| Jurisdiction::Norway)
    }

    /// Stores a received report (checked by `ReportForm::check`) durably: once this returns, the
    /// report is committed, and the same `submit_key` answers with the same report. `count` is the
    /// sending limit, counted in the same transaction. Returns (id, reference).
    pub async fn submit_concern_report(&self, submit_key: &str, report: &Report, files: &[NewReportFile], count: Option<&RateCount>, now: Millis) -> Result<(String, String)> {
        let state = ReportState::fold([(&Step::Mottatt, now)]).with_reporter(&report.reporter);
        let new = NewConcernReport { submit_key, report, files, projection: projection(&state, report) };
        Ok(self.store.submit_concern_report(&new, count, now).await?)
    }

    /// One file the reporter attached, through the document pipeline: a photo or a PDF becomes one
    /// checked A4 PDF (`velferd_documents::photos::combine`, off the async threads) kept in the
    /// file store. A file that cannot be used gives the problem's code (`upload-error-<code>`),
    /// and nothing is stored.
    pub async fn concern_attachment(&self, name: &str, bytes: Vec<u8>, limits: &velferd_documents::photos::Limits) -> Result<std::result::Result<NewReportFile, &'static str>> {
        let (owned, limits) = (name.to_owned(), limits.clone());
        let converted = tokio::task::spawn_blocking(move || velferd_documents::photos::combine(&[velferd_documents::photos::Input::new(&owned, &bytes)], &limits))
            .await
            .map_err(|e| CaseError::Internal(e.to_string()))?;
        let pdf = match converted {
            Ok(pdf) => pdf,
            Err(velferd_documents::photos::ConvertError::Input { problem, .. }) => return Ok(Err(problem.code())),
            Err(velferd_documents::photos::ConvertError::TooManyPages { .. }) => return Ok(Err("too-large")),
            Err(e) => return Err(CaseError::Internal(format!("attachment: {e}"))),
        };
        let sha256 = self.files.put(&pdf).await?;
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        Ok(Ok(NewReportFile { kind: "vedlegg".into(), name: format!("{stem}.pdf"), sha256, bytes: i64::try_from(pdf.len()).unwrap_or(i64::MAX) }))
    }

    /// The report sent with `submit_key` (the sender's own receipt). `NotFound` for any other token.
    pub async fn concern_receipt(&self, submit_key: &str) -> Result<ConcernReportRow> {
        self.store.concern_report_for_receipt(submit_key).await?.ok_or(CaseError::NotFound)
    }

    /// The receipt as a PDF (PDF/A-2a, PDF/UA-1) in `words`' language: reference, when received,
    /// by whom, what was written, and what happens next.
    pub fn concern_receipt_pdf(&self, words: &dyn Words, row: &ConcernReportRow) -> Result<Vec<u8>> {
        let r = &row.report;
        let kommune = self.kommuner.get(&r.kommune).map_or_else(|| r.kommune.as_str().to_owned(), |k| k.navn.clone());
        let service = words.t("bv-service-name", &[("kommune", kommune)]);
        let mut doc = velferd_documents::Document {
            title: words.t("bv-receipt-title", &[]),
            language: words.code().to_owned(),
            intro: vec![
                words.t("bv-letter-reference", &[("reference", row.reference.clone())]),
                words.t("bv-receipt-received", &[("time", date_time(row.received_ms))]),
                words.t("letter-to", &[("name", service.clone())]),
            ],
            sections: vec![],
            footer: format!("{service} · {}", row.reference),
            page_label: words.t("letter-page", &[]),
        };
        let mut child = Vec::new();
        for (label, value) in [("bv-child-name", &r.child.name), ("bv-child-whereabouts", &r.child.whereabouts)] {
            if !value.is_empty() {
                child.push(Row::Field { label: words.t(label, &[]), value: value.clone() });
            }
        }
        if let Some(b) = &r.child.birth_date {
            child.push(Row::Field { label: words.t("bv-child-birth-date", &[]), value: velferd_domain::dates::norwegian_date(b) });
        }
        child.push(Row::Field { label: words.t("bv-concern", &[]), value: r.concern.clone() });
        child.push(Row::Field { label: words.t("bv-urgency", &[]), value: words.t(&format!("bv-urgency-{}", r.urgency.code()), &[]) });
        doc.sections.push(Section { heading: words.t("bv-receipt-what", &[]), rows: child });
        let who = match &r.reporter {
            barnevern::Reporter::Anonym => vec![Row::Text(words.t("bv-reporter-anonymous", &[]))],
            barnevern::Reporter::Privat { name, phone, email } => vec![
                Row::Field { label: words.t("bv-reporter-name", &[]), value: name.clone() },
                Row::Field {
                    label: words.t("bv-reporter-contact", &[]),
                    value: [phone.as_str(), email.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", "),
                },
            ],
            barnevern::Reporter::Offentlig { name, role, organisation, .. } => vec![
                Row::Field { label: words.t("bv-reporter-name", &[]), value: name.clone() },
                Row::Field { label: words.t("bv-reporter-role", &[]), value: format!("{role}, {organisation}") },
            ],
        };
        doc.sections.push(Section { heading: words.t("bv-receipt-who", &[]), rows: who });
        let mut next = vec![Row::Text(words.t("bv-receipt-next", &[]))];
        if r.reporter.is_professional() {
            next.push(Row::Text(words.t("bv-receipt-next-professional", &[])));
        }
        doc.sections.push(Section { heading: words.t("bv-receipt-next-heading", &[]), rows: next });
        render(&doc).map_err(|e| CaseError::Internal(format!("receipt: {e}")))
    }

    /// The open reports (or all, `include_closed`) of the municipalities the staff member serves:
    /// acute first, then by the next deadline. Audited.
    pub async fn concern_reports(&self, staff: &StaffUser, include_closed: bool, now: Millis) -> Result<Vec<ConcernReportRow>> {
        let action = "barnevern-liste";
        let access = self.child_welfare_access(staff, action, None, now).await?;
        Ok(self.store.concern_reports(&access.kommuner, include_closed, 500, &entry(staff, action, None, Outcome::Permit), now).await?)
    }

    async fn read_report(&self, staff: &StaffUser, action: &str, id: &str, now: Millis) -> Result<ReportView> {
        let access = self.child_welfare_access(staff, action, Some(id), now).await?;
        let full = self.store.concern_report(id, &access.kommuner, &entry(staff, action, Some(id), Outcome::Permit), now).await?.ok_or(CaseError::NotFound)?;
        let state = fold(&full);
        let deadlines = state.deadlines(full.row.report.jurisdiction);
        let kommune = self.kommuner.get(&full.row.report.kommune).map_or_else(|| full.row.report.kommune.as_str().to_owned(), |k| k.navn.clone());
        Ok(ReportView { full, state, deadlines, kommune })
    }

    /// One report with its steps, files and deadlines. `NotFound` (logged) for another
    /// municipality's report, an unknown id, or a reader without the child-welfare role.
    pub async fn concern_report(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<ReportView> {
        self.read_report(staff, "barnevern-les", id, now).await
    }

    /// The report in the structure of KS Fiks bekymringsmelding v2 (`velferd_domain::barnevern::fiks`),
    /// for the municipality's case system. Audited like a read (`barnevern-eksport`).
    pub async fn concern_report_export(&self, staff: &StaffUser, id: &str, now: Millis) -> Result<barnevern::fiks::Export> {
        let view = self.read_report(staff, "barnevern-eksport", id, now).await?;
        let row = &view.full.row;
        let sent = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(row.received_ms) * 1_000_000)
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_default();
        let today = barnevern::deadlines::local_date(row.report.jurisdiction, now);
        Ok(barnevern::fiks::export(&row.report, &view.kommune, &sent, today))
    }

    /// A file of a report (an attachment or a letter) with its bytes. Audited like a read.
    pub async fn concern_report_file(&self, staff: &StaffUser, id: &str, position: i64, now: Millis) -> Result<(velferd_store::ReportFile, Vec<u8>)> {
        let view = self.read_report(staff, "barnevern-fil", id, now).await?;
        let file = view.full.files.into_iter().find(|f| f.position == position).ok_or(CaseError::NotFound)?;
        let bytes = self.files.get(&file.sha256).await?.ok_or(CaseError::NotFound)?;
        Ok((file, bytes))
    }

    /// Takes a step on report `id`, as drawn at `version`. Refusals name their field; a report
    /// changed since is `Conflict`; nothing is written unless everything holds.
    pub async fn concern_act(&self, staff: &StaffUser, id: &str, version: i64, command: Command, words: &dyn Words, now: Millis) -> Result<()> {
        let action = command.audit_action();
        let view = self.read_report(staff, action, id, now).await?;
        let report = &view.full.row.report;
        let j = report.jurisdiction;
        barnevern::may(command.action(), &view.state, &report.reporter).map_err(CaseError::Refused)?;
        let reason = |raw: &str| barnevern::check_reason(raw, "begrunnelse").map_err(|r| CaseError::Invalid(vec![r]));
        let mut file = None;
        let step = match &command {
            Command::AssessUrgency { urgency, reason: why } => {
                let u = Urgency::from_code(urgency.trim());
                let r = barnevern::check_reason(why, "begrunnelse");
                match (u, r) {
                    (Some(urgency), Ok(reason)) => Step::Hastegrad { urgency, reason },
                    (u, r) => {
                        let mut faults = Vec::new();
                        if u.is_none() {
                            faults.push(Refusal { key: "bv-refused-urgency", field: "hastegrad" });
                        }
                        if let Err(f) = r {
                            faults.push(f);
                        }
                        return Err(CaseError::Invalid(faults));
                    }
                }
            }
            Command::Review { note } => Step::Gjennomgang { note: reason(note)? },
            Command::OpenInvestigation { reason: why } => Step::Undersokelse { reason: reason(why)? },
            Command::Close { reason: why } => Step::Avsluttet { reason: reason(why)? },
            Command::Extend { until, reason: why } => {
                let rule = barnevern::deadlines::RULES.of(j).iter().find(|r| matches!(r.kind, barnevern::DeadlineKind::Undersokelse | barnevern::DeadlineKind::Utredning));
                let rule = rule.ok_or(CaseError::Refused(Refusal { key: "bv-refused-no-extension", field: "" }))?;
                let today = barnevern::deadlines::local_date(j, now);
                let date = barnevern::deadlines::check_extension(j, rule, view.state.received_at, until, today);
                let why = barnevern::check_reason(why, "begrunnelse");
                match (date, why) {
                    (Ok(d), Ok(reason)) => Step::Forlengelse { until: d.to_string(), reason },
                    (d, r) => return Err(CaseError::Invalid([d.err(), r.err()].into_iter().flatten().collect())),
                }
            }
            Command::Merge { into, reason: why } => {
                let why = reason(why)?;
                let other_id = self.find_report_id(&view, into).await?;
                let other = match &other_id {
                    Some(other) => self.read_report(staff, action, other, now).await.ok(),
                    None => None,
                };
                let Some(other) = other else {
                    return Err(CaseError::Invalid(vec![Refusal { key: "bv-refused-merge-unknown", field: "slaa-sammen-med" }]));
                };
                barnevern::check_merge(id, report, &other.full.row.id, &other.full.row.report, &other.state).map_err(|r| CaseError::Invalid(vec![r]))?;
                Step::Sammenslatt { into: other.full.row.id.clone(), reason: why }
            }
            Command::SendFeedback => {
                let pdf = self.feedback_letter(words, &view, staff, now)?;
                let sha256 = self.files.put(&pdf).await?;
                let name = format!("{}-tilbakemelding.pdf", view.full.row.reference);
                file = Some(NewReportFile { kind: "tilbakemelding".into(), name: name.clone(), sha256, bytes: i64::try_from(pdf.len()).unwrap_or(i64::MAX) });
                Step::Tilbakemelding { letter: name }
            }
        };
        let mut steps: Vec<(&Step, Millis)> = view.full.steps.iter().map(|s| (&s.step, s.at_ms)).collect();
        steps.push((&step, now));
        let after = ReportState::fold(steps).with_reporter(&report.reporter);
        let actor = format!("staff:{}", staff.subject);
        let new = NewStep { report_id: id, version, step: &step, actor: &actor, actor_name: &staff.name, projection: projection(&after, report), file: file.as_ref() };
        if self.store.record_concern_step(&new, &entry(staff, action, Some(id), Outcome::Permit), now).await? {
            Ok(())
        } else {
            Err(CaseError::Conflict)
        }
    }

    /// The id of the report a merge names: by reference (`BM-…`, any case) among the reports the
    /// list shows, else taken as an id.
    async fn find_report_id(&self, view: &ReportView, into: &str) -> Result<Option<String>> {
        let wanted = into.trim().to_uppercase();
        if wanted.is_empty() {
            return Ok(None);
        }
        if !wanted.starts_with("BM-") {
            return Ok(Some(into.trim().to_owned()));
        }
        Ok(self.store.concern_report_id_by_reference(&wanted, &view.full.row.report.kommune).await?)
    }

    /// The feedback letter to a professional reporter: the report was received on its date, and
    /// whether an investigation was opened or the report closed (barnevernsloven § 13-4: within
    /// three weeks of receipt). Nothing else of the case.
    fn feedback_letter(&self, words: &dyn Words, view: &ReportView, staff: &StaffUser, now: Millis) -> Result<Vec<u8>> {
        let row = &view.full.row;
        let barnevern::Reporter::Offentlig { name, organisation, .. } = &row.report.reporter else {
            return Err(CaseError::Refused(Refusal { key: "bv-refused-not-professional", field: "" }));
        };
        let service = words.t("bv-service-name", &[("kommune", view.kommune.clone())]);
        let mut doc = velferd_documents::Document {
            title: words.t("bv-feedback-title", &[]),
            language: words.code().to_owned(),
            intro: vec![
                words.t("letter-to", &[("name", format!("{name}, {organisation}"))]),
                words.t("letter-from", &[("office", service.clone())]),
                words.t("letter-date", &[("date", date(barnevern::deadlines::local_date(row.report.jurisdiction, now)))]),
                words.t("bv-letter-reference", &[("reference", row.reference.clone())]),
            ],
            sections: vec![],
            footer: format!("{service} · {}", row.reference),
            page_label: words.t("letter-page", &[]),
        };
        let outcome = if view.state.investigation_at.is_some() { "bv-feedback-investigation" } else { "bv-feedback-closed" };
        doc.sections.push(Section {
            heading: words.t("bv-feedback-heading", &[]),
            rows: vec![
                Row::Text(words.t("bv-feedback-received", &[("date", date(barnevern::deadlines::local_date(row.report.jurisdiction, row.received_ms)))])),
                Row::Text(words.t(outcome, &[])),
                Row::Text(words.t("bv-feedback-law", &[])),
            ],
        });
        doc.sections.push(Section {
            heading: words.t("letter-contact-heading", &[]),
            rows: vec![Row::Text(words.t("letter-signed", &[("caseworker", staff.name.clone()), ("office", service)]))],
        });
        render(&doc).map_err(|e| CaseError::Internal(format!("feedback letter: {e}")))
    }
}
