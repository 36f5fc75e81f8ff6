//! The `soknad.json` the office receives, in the official Digisos format.

use serde_json::{json, Value};
use velferd_formats::soknad::{tidspunkt, VERSION};

use super::build::{Application, Nodhjelp, Studentgrad, FORMUE_FIELDS, INNTEKT_FIELDS, UTGIFT_FIELDS};
use crate::ids::Fodselsnummer;
use crate::kommune::Kommune;
use crate::Millis;

/// The applicant as the population register knows them (`kilde: system` in the format).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Soker {
    pub fnr: Fodselsnummer,
    pub fornavn: String,
    pub mellomnavn: String,
    pub etternavn: String,
    pub adresse: Option<SokerAdresse>,
}

impl Soker {
    pub fn fullt_navn(&self) -> String {
        [self.fornavn.as_str(), self.mellomnavn.as_str(), self.etternavn.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SokerAdresse {
    pub gatenavn: String,
    pub husnummer: String,
    pub postnummer: String,
    pub poststed: String,
    pub kommunenummer: String,
}

impl SokerAdresse {
    pub fn one_line(&self) -> String {
        format!("{} {}, {} {}", self.gatenavn, self.husnummer, self.postnummer, self.poststed)
    }
}

/// The text caseworkers read in `hvaSokesOm`: categories first, and an emergency said loudly.
fn hva_sokes_om(app: &Application) -> String {
    let mut parts: Vec<String> = app.kategorier.iter().map(|k| k.norwegian().to_owned()).collect();
    if let Some(annet) = &app.hva_annet {
        parts.push(annet.clone());
    }
    let mut text = parts.join(", ");
    let nod = match app.nodhjelp {
        Nodhjelp::Nei => None,
        Nodhjelp::Mat => Some("NØDHJELP: har ikke mat i dag."),
        Nodhjelp::Bolig => Some("NØDHJELP: har ikke sted å sove i natt."),
        Nodhjelp::MatOgBolig => Some("NØDHJELP: har ikke mat i dag og ikke sted å sove i natt."),
    };
    if let Some(nod) = nod {
        text = format!("{nod} {text}");
    }
    text
}

/// Builds `soknad.json`. `sent_at` becomes `innsendingstidspunkt`.
pub fn soknad_json(app: &Application, soker: &Soker, kommune: &Kommune, sent_at: Millis) -> Value {
    let mut personalia = json!({
        "personIdentifikator": {"kilde": "system", "verdi": soker.fnr.as_str()},
        "navn": {"kilde": "system", "fornavn": soker.fornavn, "mellomnavn": soker.mellomnavn, "etternavn": soker.etternavn},
        "nordiskBorger": {"kilde": "bruker", "verdi": app.nordisk_borger},
        "kontonummer": match &app.kontonummer {
            Some(k) => json!({"kilde": "bruker", "harIkkeKonto": false, "verdi": k.as_str()}),
            None => json!({"kilde": "bruker", "harIkkeKonto": true}),
        },
    });
    if let Some(t) = &app.telefon {
        personalia["telefonnummer"] = json!({"kilde": "bruker", "verdi": t.as_str()});
    }
    if let Some(date) = soker.fnr.birth_date() {
        personalia["fodselsdato"] = json!(date);
    }
    if let Some(a) = &soker.adresse {
        personalia["folkeregistrertAdresse"] = json!({
            "kilde": "system", "type": "gateadresse", "landkode": "NOR", "kommunenummer": a.kommunenummer,
            "gatenavn": a.gatenavn, "husnummer": a.husnummer, "postnummer": a.postnummer, "poststed": a.poststed,
        });
    }
    if let Some(opphold) = &app.oppholdsadresse {
        personalia["oppholdsadresse"] = json!({"kilde": "bruker", "type": "ustrukturert", "adresse": [opphold]});
    }

    let mut arbeid = json!({
        "forhold": [],
        "situasjon": {"kilde": "bruker", "erIJobb": app.arbeid.is_some()},
    });
    if let Some(a) = &app.arbeid {
        arbeid["situasjon"]["jobbGrad"] = json!(if a.stillingsprosent >= 100 { "heltid" } else { "deltid" });
        arbeid["kommentarTilArbeidsforhold"] = json!({"kilde": "bruker", "verdi": format!("Arbeidsgiver: {}, stillingsprosent: {} %", a.arbeidsgiver, a.stillingsprosent)});
    }
    let mut utdanning = json!({"kilde": "bruker", "erStudent": app.student.is_some()});
    if let Some(grad) = app.student {
        utdanning["studentgrad"] = json!(match grad {
            Studentgrad::Heltid => "heltid",
            Studentgrad::Deltid => "deltid",
        });
    }

    let mut sivilstatus = json!({"kilde": "bruker", "status": app.sivilstatus.slug()});
    if let Some(p) = &app.partner {
        let mut ektefelle = json!({"navn": {"fornavn": p.fornavn, "mellomnavn": "", "etternavn": p.etternavn}});
        if let Some(fnr) = &p.fnr {
            ektefelle["personIdentifikator"] = json!(fnr.as_str());
            if let Some(d) = fnr.birth_date() {
                ektefelle["fodselsdato"] = json!(d);
            }
        }
        // The schema only allows a spouse object for `gift`; a cohabitant is described in the comment.
        if app.sivilstatus.slug() == "gift" {
            sivilstatus["ektefelle"] = ektefelle;
        }
        sivilstatus["borSammenMed"] = json!(p.bor_sammen);
    }
    let ansvar: Vec<Value> = app
        .barn
        .iter()
        .map(|b| {
            let mut a = json!({
                "barn": {"kilde": "bruker", "navn": {"fornavn": b.fornavn, "mellomnavn": "", "etternavn": b.etternavn}, "fodselsdato": b.fodselsdato},
                "borSammenMed": {"kilde": "bruker", "verdi": b.bor_sammen},
            });
            if b.bor_sammen {
                a["harDeltBosted"] = json!({"kilde": "bruker", "verdi": b.delt_bosted});
            }
            if let Some(s) = b.samvaersgrad {
                a["samvarsgrad"] = json!({"kilde": "bruker", "verdi": s});
            }
            a
        })
        .collect();
    let mut forsorgerplikt = json!({
        "harForsorgerplikt": {"kilde": "bruker", "verdi": !app.barn.is_empty()},
        "ansvar": ansvar,
    });
    if let Some(bidrag) = app.barnebidrag {
        forsorgerplikt["barnebidrag"] = json!({"kilde": "bruker", "verdi": bidrag.slug()});
    }

    let posts = |fields: &[(&str, &str, &str)], posts: &[super::build::Pengepost], amount_key: &str| -> Vec<Value> {
        fields
            .iter()
            .filter_map(|(field, kind, title)| {
                let post = posts.iter().find(|p| p.field == *field)?;
                let mut v = json!({"kilde": "bruker", "type": kind, "tittel": title, "overstyrtAvBruker": false});
                v[amount_key] = json!(post.belop.kroner());
                Some(v)
            })
            .collect()
    };

    json!({
        "version": VERSION,
        "data": {
            "soknadstype": "standard",
            "personalia": personalia,
            "arbeid": arbeid,
            "utdanning": utdanning,
            "familie": {"sivilstatus": sivilstatus, "forsorgerplikt": forsorgerplikt},
            "begrunnelse": {"kilde": "bruker", "hvaSokesOm": hva_sokes_om(app), "hvorforSoke": app.hvorfor},
            "bosituasjon": {
                "kilde": "bruker",
                "botype": app.botype.slug(),
                "antallPersoner": app.antall_personer,
            },
            "okonomi": {
                "opplysninger": {"utbetaling": [], "utgift": []},
                "oversikt": {
                    "inntekt": posts(&INNTEKT_FIELDS, &app.inntekter, "netto"),
                    "utgift": posts(&UTGIFT_FIELDS, &app.utgifter, "belop"),
                    "formue": posts(&FORMUE_FIELDS, &app.formue, "belop"),
                },
            },
        },
        "innsendingstidspunkt": tidspunkt(sent_at),
        "mottaker": {
            "kommunenummer": kommune.nummer.as_str(),
            "enhetsnummer": kommune.kontor.enhetsnummer,
            "navEnhetsnavn": kommune.kontor.navn,
        },
        "driftsinformasjon": {
            "utbetalingerFraNavFeilet": false,
            "inntektFraSkatteetatenFeilet": false,
            "stotteFraHusbankenFeilet": false,
        },
        "kompatibilitet": [],
        // Velferd's own additions; the format allows extra fields and consumers ignore unknown ones.
        "velferd": {
            "nodhjelp": app.nodhjelp.is_emergency(),
            "kanal": "digital-selvbetjent",
        },
    })
}
