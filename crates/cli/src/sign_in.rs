//! Sign-in settings for `velferd serve`: OpenID Connect for citizens (ID-porten) and for staff (the
//! municipality's provider). Client secrets come from the environment or a file, never from a flag
//! (a command line is visible to every user of the machine) and never into a log.

use std::path::PathBuf;

use clap::Args;
use velferd_web::oidc::{Assurance, Audience, Provider, ProviderSettings};

#[derive(Args)]
pub struct SignInArgs {
    /// The server's public URL (e.g. https://sosialhjelp.kommune.no): the providers send people
    /// back to PUBLIC_URL/logg-inn/callback (citizens) and PUBLIC_URL/ansatt/logg-inn/callback (staff).
    #[arg(long, env = "VELFERD_PUBLIC_URL")]
    public_url: Option<String>,

    /// Citizen sign-in: the OpenID Connect issuer (e.g. https://idporten.no). Needs a client id and
    /// a secret (VELFERD_OIDC_CLIENT_SECRET or --oidc-client-secret-file).
    #[arg(long, env = "VELFERD_OIDC_ISSUER")]
    oidc_issuer: Option<String>,
    /// Citizen sign-in: the client id registered at the provider.
    #[arg(long, env = "VELFERD_OIDC_CLIENT_ID")]
    oidc_client_id: Option<String>,
    /// Citizen sign-in: a file holding the client secret (or set VELFERD_OIDC_CLIENT_SECRET).
    #[arg(long, env = "VELFERD_OIDC_CLIENT_SECRET_FILE")]
    oidc_client_secret_file: Option<PathBuf>,
    /// Citizen sign-in: the lowest level of assurance accepted (acr): substantial
    /// (idporten-loa-substantial) or high (idporten-loa-high). High always satisfies substantial.
    #[arg(long, env = "VELFERD_OIDC_MIN_LEVEL", default_value = "substantial")]
    oidc_min_level: String,

    /// Staff sign-in: the municipality's OpenID Connect issuer (e.g. Entra ID's
    /// https://login.microsoftonline.com/TENANT/v2.0). Roles come from the `roles` (or `groups`)
    /// claim, the office from the `office` claim.
    #[arg(long, env = "VELFERD_STAFF_OIDC_ISSUER")]
    staff_oidc_issuer: Option<String>,
    /// Staff sign-in: the client id registered at the provider.
    #[arg(long, env = "VELFERD_STAFF_OIDC_CLIENT_ID")]
    staff_oidc_client_id: Option<String>,
    /// Staff sign-in: a file holding the client secret (or set VELFERD_STAFF_OIDC_CLIENT_SECRET).
    #[arg(long, env = "VELFERD_STAFF_OIDC_CLIENT_SECRET_FILE")]
    staff_oidc_client_secret_file: Option<PathBuf>,
}

impl SignInArgs {
    /// The configured providers (citizens, staff); an error names what is missing or wrong.
    pub fn providers(&self) -> Result<(Option<Provider>, Option<Provider>), String> {
        let min = Assurance::parse(&self.oidc_min_level).map_err(|e| format!("--oidc-min-level: {e}"))?;
        let citizens = self.provider(
            Audience::Citizens,
            "--oidc",
            self.oidc_issuer.as_deref(),
            self.oidc_client_id.as_deref(),
            self.oidc_client_secret_file.as_ref(),
            "VELFERD_OIDC_CLIENT_SECRET",
            Some(min),
        )?;
        let staff = self.provider(
            Audience::Staff,
            "--staff-oidc",
            self.staff_oidc_issuer.as_deref(),
            self.staff_oidc_client_id.as_deref(),
            self.staff_oidc_client_secret_file.as_ref(),
            "VELFERD_STAFF_OIDC_CLIENT_SECRET",
            None,
        )?;
        for p in citizens.iter().chain(staff.iter()) {
            tracing::info!(issuer = p.issuer(), audience = ?p.audience(), "OpenID Connect sign-in configured");
        }
        Ok((citizens, staff))
    }

    #[allow(clippy::too_many_arguments)]
    fn provider(
        &self,
        audience: Audience,
        flag: &str,
        issuer: Option<&str>,
        client_id: Option<&str>,
        secret_file: Option<&PathBuf>,
        secret_env: &str,
        min_assurance: Option<Assurance>,
    ) -> Result<Option<Provider>, String> {
        let Some(issuer) = issuer.filter(|i| !i.trim().is_empty()) else {
            if client_id.is_some() || secret_file.is_some() {
                return Err(format!("{flag}-client-id/-secret given without {flag}-issuer"));
            }
            return Ok(None);
        };
        let client_id = client_id.ok_or_else(|| format!("{flag}-issuer needs {flag}-client-id"))?;
        let client_secret = match (secret_file, std::env::var(secret_env).ok().filter(|s| !s.is_empty())) {
            (Some(path), None) => {
                std::fs::read_to_string(path).map_err(|e| format!("{flag}-client-secret-file {}: {e}", path.display()))?.trim_end_matches(['\r', '\n']).to_owned()
            }
            (None, Some(secret)) => secret,
            (Some(_), Some(_)) => return Err(format!("give the client secret once: {flag}-client-secret-file or {secret_env}, not both")),
            (None, None) => return Err(format!("{flag}-issuer needs a client secret: {secret_env} or {flag}-client-secret-file")),
        };
        let public_url = self.public_url.clone().ok_or_else(|| format!("{flag}-issuer needs --public-url (where the provider sends people back)"))?;
        let settings = ProviderSettings { audience, issuer: issuer.to_owned(), client_id: client_id.to_owned(), client_secret, public_url, min_assurance };
        Provider::new(settings).map(Some)
    }
}
