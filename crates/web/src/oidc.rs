//! OpenID Connect sign-in (authorization code flow with PKCE S256, state and nonce) with the
//! `openidconnect` crate: discovery, the token call, and the ID token's signature, issuer, audience,
//! expiry and nonce are the crate's work. What is Velferd's: which claims make a citizen (`pid`, a
//! valid fødselsnummer, and `acr` at the required level of assurance) or a staff member (`roles`
//! and `office`), and what a refusal says.
//!
//! The same code serves two providers, configured separately: ID-porten (or alike) for citizens and
//! the municipality's own provider (Entra ID or alike) for staff. Nothing here keeps per-person
//! state in memory: what a sign-in in progress needs (state, nonce, PKCE verifier) lives in the
//! server-side session, so any server process can finish what another one started.

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationContextClass, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdToken, IdTokenClaims, IdTokenFields, IssuerUrl, JsonWebTokenType, LanguageTag, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, StandardErrorResponse, StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};
use velferd_domain::ids::Fodselsnummer;
use velferd_domain::staff::Role;

use crate::i18n::Lang;

/// Level of assurance (nivå), as ID-porten says it in `acr`. Ordered: high satisfies substantial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Assurance {
    /// `idporten-loa-substantial`: MinID with a code, BankID, Buypass, Commfides.
    Substantial,
    /// `idporten-loa-high`: BankID, Buypass, Commfides.
    High,
}

impl Assurance {
    pub fn acr(self) -> &'static str {
        match self {
            Assurance::Substantial => "idporten-loa-substantial",
            Assurance::High => "idporten-loa-high",
        }
    }

    /// The level an `acr` claim names; `None` for anything lower or unknown.
    pub fn from_acr(acr: &str) -> Option<Assurance> {
        [Assurance::Substantial, Assurance::High].into_iter().find(|a| a.acr() == acr)
    }

    /// A configured minimum: `substantial`, `high`, or the full `acr` value.
    pub fn parse(raw: &str) -> Result<Assurance, String> {
        match raw.trim() {
            "substantial" => Ok(Assurance::Substantial),
            "high" => Ok(Assurance::High),
            other => Assurance::from_acr(other).ok_or_else(|| format!("unknown level of assurance '{other}' (use substantial or high)")),
        }
    }
}

/// Whom a provider signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Citizens,
    Staff,
}

impl Audience {
    /// Where the provider sends the browser back (relative to the public URL).
    fn callback_path(self) -> &'static str {
        match self {
            Audience::Citizens => "/logg-inn/callback",
            Audience::Staff => "/ansatt/logg-inn/callback",
        }
    }

    /// Where the provider sends the browser after signing out at the provider.
    fn post_logout_path(self) -> &'static str {
        match self {
            Audience::Citizens => "/",
            Audience::Staff => "/ansatt/logget-ut",
        }
    }

    fn scopes(self) -> &'static [&'static str] {
        // ID-porten puts `pid` in the ID token with `openid` alone; staff providers give name and roles with `profile`.
        match self {
            Audience::Citizens => &[],
            Audience::Staff => &["profile"],
        }
    }
}

/// One provider as configured at start.
pub struct ProviderSettings {
    pub audience: Audience,
    /// The issuer URL; `/.well-known/openid-configuration` is read from it.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// The server's public URL (e.g. `https://velferd.example.kommune.no`): redirect URIs are built from it.
    pub public_url: String,
    /// Citizens only: the lowest level of assurance accepted.
    pub min_assurance: Option<Assurance>,
}

/// A configured provider, with its discovery document cached. Cheap to clone.
#[derive(Clone)]
pub struct Provider(Arc<Inner>);

struct Inner {
    audience: Audience,
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    post_logout: PostLogoutRedirectUrl,
    min_assurance: Option<Assurance>,
    http: openidconnect::reqwest::Client,
    discovered: Mutex<Option<(Arc<ProviderMetadataWithLogout>, Instant)>>,
}

impl std::fmt::Debug for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provider")
            .field("audience", &self.0.audience)
            .field("issuer", &self.0.issuer.as_str())
            .field("client_id", &self.0.client_id.as_str())
            .finish_non_exhaustive()
    }
}

/// How long a discovery document (and its signing keys) is trusted before it is read again.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// A token signed with an unknown key makes us read the keys again, but not more often than this
/// (a stream of forged logout tokens must not turn into a stream of requests to the provider).
const MIN_REFRESH: Duration = Duration::from_secs(300);
/// A sign-in not finished within this time is forgotten.
pub const PENDING_TTL_MS: i64 = 15 * 60 * 1000;

/// Claims Velferd reads beyond the standard ones.
///
/// Citizens (ID-porten): `pid` (the fødselsnummer or d-nummer), `sid` (the provider's session).
/// Staff: `roles` (app roles, e.g. Entra ID) or `groups`, `office` (the NAV office's enhetsnummer).
/// Logout tokens: `events`.
///
/// Read as JSON values and checked afterwards, so that a claim of an unexpected type becomes a
/// refusal of ours rather than a parse error that quotes the value (a personal number) into the log.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct VelferdClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<serde_json::Value>,
}

impl AdditionalClaims for VelferdClaims {}

/// The strings of a claim that providers send as one string or as a list (anything else: none).
fn strings(claim: Option<&serde_json::Value>) -> Vec<&str> {
    match claim {
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(serde_json::Value::as_str).collect(),
        _ => vec![],
    }
}

type VelferdIdToken = IdToken<VelferdClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;
type VelferdIdTokenClaims = IdTokenClaims<VelferdClaims, CoreGenderClaim>;
type VelferdTokenResponse =
    StandardTokenResponse<IdTokenFields<VelferdClaims, EmptyExtraTokenFields, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>, CoreTokenType>;
type VelferdClient = Client<
    VelferdClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    VelferdTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// A sign-in on its way through the provider, kept in the session until the browser comes back.
#[derive(Serialize, Deserialize)]
pub struct Pending {
    state: String,
    nonce: String,
    pkce_verifier: String,
    /// Where to go after signing in (a local path).
    pub next: String,
    created_ms: i64,
}

/// What the provider sent back to the callback URL.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    /// RFC 9207: the issuer that answered, when the provider says.
    pub iss: Option<String>,
}

impl Callback {
    /// Reads the callback's query string; a parameter given twice counts as missing, so a doctored
    /// URL cannot pick which value is checked and which is used.
    pub fn from_query(query: &str) -> Callback {
        let mut seen: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            seen.entry(k.into_owned()).or_default().push(v.into_owned());
        }
        let mut one = |name: &str| seen.remove(name).filter(|v| v.len() == 1).and_then(|mut v| v.pop());
        Callback { code: one("code"), state: one("state"), error: one("error"), iss: one("iss") }
    }
}

/// Why a sign-in did not happen. Each becomes a translated page; `Display` is for the log and
/// never contains personal data (no personal number, no name, no token).
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("the provider cannot be reached or answered wrongly: {0}")]
    Unavailable(String),
    #[error("the person cancelled at the provider")]
    Cancelled,
    #[error("the provider answered with error '{0}'")]
    ProviderError(String),
    #[error("no sign-in in progress in this session (replayed, expired or from another browser)")]
    NoPending,
    #[error("state does not match the sign-in in progress")]
    WrongState,
    #[error("answer from issuer '{0}', not the configured one (mix-up)")]
    WrongIssuer(String),
    #[error("no authorization code in the callback")]
    NoCode,
    #[error("the token call failed (used, expired or stolen code?): {0}")]
    TokenExchange(String),
    #[error("the token response has no ID token")]
    NoIdToken,
    #[error("ID token refused: {0}")]
    InvalidIdToken(String),
    #[error("level of assurance too low: acr '{got}', at least '{required}' required")]
    AssuranceTooLow { got: String, required: &'static str },
    #[error("no pid claim")]
    MissingPid,
    #[error("pid claim is not a valid fødselsnummer/d-nummer")]
    InvalidPid,
    #[error("no role Velferd knows")]
    NoKnownRole,
    #[error("no office, or an office Velferd does not know")]
    NoOffice,
}

/// Someone the provider vouched for, with what the session keeps to end the sign-in later.
pub struct SignedIn {
    pub who: Identity,
    pub login: ProviderLogin,
}

pub enum Identity {
    Citizen(Fodselsnummer),
    Staff { subject: String, name: String, roles: Vec<Role>, office: String },
}

/// What the session keeps about the provider's sign-in: the raw ID token (the `id_token_hint` when
/// signing out at the provider) and the provider's session id.
#[derive(Clone, Serialize, Deserialize)]
pub struct ProviderLogin {
    pub issuer: String,
    pub subject: String,
    pub sid: Option<String>,
    pub id_token: String,
}

/// A logout the provider sent (back-channel): which sign-in to end.
#[derive(Debug)]
pub struct LogoutNotice {
    pub sid: Option<String>,
    pub subject: Option<String>,
}

fn join(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

impl Provider {
    /// Checks the settings (URLs that parse) and makes the HTTP client; contacts no one yet, so the
    /// server starts even when the provider is down.
    pub fn new(settings: ProviderSettings) -> Result<Provider, String> {
        let what = match settings.audience {
            Audience::Citizens => "citizen sign-in",
            Audience::Staff => "staff sign-in",
        };
        let issuer = IssuerUrl::new(settings.issuer.trim().to_owned()).map_err(|e| format!("{what}: issuer URL: {e}"))?;
        let redirect = RedirectUrl::new(join(&settings.public_url, settings.audience.callback_path())).map_err(|e| format!("{what}: public URL: {e}"))?;
        let post_logout = PostLogoutRedirectUrl::new(join(&settings.public_url, settings.audience.post_logout_path())).map_err(|e| format!("{what}: public URL: {e}"))?;
        if settings.client_id.trim().is_empty() {
            return Err(format!("{what}: the client id is empty"));
        }
        if settings.client_secret.is_empty() {
            return Err(format!("{what}: the client secret is empty"));
        }
        let http = openidconnect::reqwest::Client::builder()
            // Following redirects would let a provider response send our server anywhere (SSRF).
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| format!("{what}: HTTP client: {e}"))?;
        Ok(Provider(Arc::new(Inner {
            audience: settings.audience,
            issuer,
            client_id: ClientId::new(settings.client_id.trim().to_owned()),
            client_secret: ClientSecret::new(settings.client_secret),
            redirect,
            post_logout,
            min_assurance: settings.min_assurance,
            http,
            discovered: Mutex::new(None),
        })))
    }

    pub fn issuer(&self) -> &str {
        self.0.issuer.as_str()
    }

    pub fn audience(&self) -> Audience {
        self.0.audience
    }

    /// The issuer's origin (scheme, host, port), e.g. for a frame-ancestors policy.
    pub fn origin(&self) -> String {
        self.0.issuer.url().origin().ascii_serialization()
    }

    pub fn min_assurance(&self) -> Option<Assurance> {
        self.0.min_assurance
    }

    /// The discovery document and signing keys: cached, read again after [`DISCOVERY_TTL`] or when
    /// `refresh` (a token signed with a key we do not have yet; at most every [`MIN_REFRESH`]). A
    /// stale copy serves while the provider does not answer.
    async fn metadata(&self, refresh: bool) -> Result<Arc<ProviderMetadataWithLogout>, Refusal> {
        let cached = self.0.discovered.lock().ok().and_then(|c| c.clone());
        if let Some((md, at)) = &cached {
            let age = at.elapsed();
            if age < MIN_REFRESH || (!refresh && age < DISCOVERY_TTL) {
                return Ok(md.clone());
            }
        }
        match ProviderMetadataWithLogout::discover_async(self.0.issuer.clone(), &self.0.http).await {
            Ok(md) => {
                let md = Arc::new(md);
                if let Ok(mut slot) = self.0.discovered.lock() {
                    *slot = Some((md.clone(), Instant::now()));
                }
                Ok(md)
            }
            Err(e) => match cached {
                Some((md, _)) => {
                    tracing::warn!(issuer = self.issuer(), error = %error_chain(&e), "OIDC discovery failed; using the cached document");
                    Ok(md)
                }
                None => Err(Refusal::Unavailable(error_chain(&e))),
            },
        }
    }

    fn client(&self, md: &ProviderMetadataWithLogout) -> VelferdClient {
        Client::from_provider_metadata(md.clone(), self.0.client_id.clone(), Some(self.0.client_secret.clone())).set_redirect_uri(self.0.redirect.clone())
    }

    /// Starts a sign-in: the provider's authorization URL to send the browser to, and what the
    /// session must keep until it comes back. With `fresh_login` the provider is asked to let the
    /// person log in again (`prompt=login`) rather than reuse its session, e.g. after a login that
    /// was refused as too weak.
    pub async fn begin(&self, lang: Lang, next: String, now_ms: i64, fresh_login: bool) -> Result<(String, Pending), Refusal> {
        let md = self.metadata(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let client = self.client(&md);
        let mut request = client.authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random);
        for scope in self.0.audience.scopes() {
            request = request.add_scope(Scope::new((*scope).to_owned()));
        }
        if let Some(min) = self.0.min_assurance {
            request = request.add_auth_context_value(AuthenticationContextClass::new(min.acr().to_owned()));
        }
        if fresh_login {
            request = request.add_prompt(CoreAuthPrompt::Login);
        }
        let (url, state, nonce) = request.set_pkce_challenge(challenge).add_ui_locale(LanguageTag::new(lang.code().to_owned())).url();
        let pending = Pending { state: state.secret().clone(), nonce: nonce.secret().clone(), pkce_verifier: verifier.secret().clone(), next, created_ms: now_ms };
        Ok((url.to_string(), pending))
    }

    /// Finishes a sign-in: checks the callback against what the session kept, exchanges the code
    /// (with the PKCE verifier), verifies the ID token, and reads who it is.
    pub async fn finish(&self, pending: Option<Pending>, callback: Callback, now_ms: i64, offices: impl Fn(&str) -> bool) -> Result<SignedIn, Refusal> {
        let pending = pending.filter(|p| now_ms - p.created_ms < PENDING_TTL_MS).ok_or(Refusal::NoPending)?;
        match callback.state.as_deref() {
            Some(state) if constant_time_eq(state.as_bytes(), pending.state.as_bytes()) => {}
            _ => return Err(Refusal::WrongState),
        }
        if let Some(iss) = &callback.iss {
            if iss != self.issuer() {
                return Err(Refusal::WrongIssuer(iss.chars().filter(|c| c.is_ascii_graphic()).take(200).collect()));
            }
        }
        if let Some(error) = callback.error {
            let code: String = error.chars().filter(|c| c.is_ascii_graphic()).take(64).collect();
            return Err(match code.as_str() {
                "access_denied" => Refusal::Cancelled,
                "server_error" | "temporarily_unavailable" => Refusal::Unavailable(format!("the provider answered with error '{code}'")),
                _ => Refusal::ProviderError(code),
            });
        }
        let code = callback.code.filter(|c| !c.is_empty()).ok_or(Refusal::NoCode)?;

        let md = self.metadata(false).await?;
        let client = self.client(&md);
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| Refusal::Unavailable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.0.http)
            .await
            .map_err(|e| Refusal::TokenExchange(error_chain(&e)))?;
        let id_token = response.id_token().ok_or(Refusal::NoIdToken)?.clone();
        let nonce = Nonce::new(pending.nonce);
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => {
                // Perhaps the provider rotated its keys since we read them.
                let fresh = self.client(&*self.metadata(true).await?);
                let verifier = fresh.id_token_verifier();
                id_token.claims(&verifier, &nonce).map_err(|e| Refusal::InvalidIdToken(error_chain(&e)))?.clone()
            }
            Err(e) => return Err(Refusal::InvalidIdToken(error_chain(&e))),
        };
        let who = self.identity(&claims, offices)?;
        let login = ProviderLogin {
            issuer: self.issuer().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            sid: claims.additional_claims().sid.clone(),
            id_token: id_token.to_string(),
        };
        Ok(SignedIn { who, login })
    }

    /// Who the verified claims describe, by the rules for this provider's audience.
    fn identity(&self, claims: &VelferdIdTokenClaims, offices: impl Fn(&str) -> bool) -> Result<Identity, Refusal> {
        let extra = claims.additional_claims();
        match self.0.audience {
            Audience::Citizens => {
                if let Some(required) = self.0.min_assurance {
                    let got = claims.auth_context_ref().map(|a| a.as_str().to_owned()).unwrap_or_default();
                    if Assurance::from_acr(&got).is_none_or(|level| level < required) {
                        return Err(Refusal::AssuranceTooLow { got: got.chars().take(64).collect(), required: required.acr() });
                    }
                }
                let pid = extra.pid.as_ref().ok_or(Refusal::MissingPid)?.as_str().ok_or(Refusal::InvalidPid)?;
                Fodselsnummer::parse(pid).map(Identity::Citizen).map_err(|_| Refusal::InvalidPid)
            }
            Audience::Staff => {
                let roles = Role::from_claims(strings(extra.roles.as_ref()).into_iter().chain(strings(extra.groups.as_ref())));
                if roles.is_empty() {
                    return Err(Refusal::NoKnownRole);
                }
                let office = extra.office.as_ref().and_then(serde_json::Value::as_str).filter(|o| offices(o)).ok_or(Refusal::NoOffice)?.to_owned();
                let name = claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()).unwrap_or_default();
                Ok(Identity::Staff { subject: claims.subject().as_str().to_owned(), name, roles, office })
            }
        }
    }

    /// Where to send the browser to sign out at the provider too (RP-initiated logout), when the
    /// provider has an `end_session_endpoint`.
    pub async fn end_session_url(&self, login: &ProviderLogin, lang: Lang) -> Option<String> {
        let md = self.metadata(false).await.ok()?;
        let endpoint = md.additional_metadata().end_session_endpoint.clone()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(self.0.client_id.clone())
            .set_post_logout_redirect_uri(self.0.post_logout.clone())
            .add_ui_locale(LanguageTag::new(lang.code().to_owned()));
        if let Ok(token) = VelferdIdToken::from_str(&login.id_token) {
            request = request.set_id_token_hint(&token);
        }
        Some(request.http_get_url().to_string())
    }

    /// Reads a back-channel logout token (OpenID Connect Back-Channel Logout 1.0): signed by this
    /// provider for this client, not expired, with the logout event, without a nonce.
    pub async fn logout_notice(&self, logout_token: &str) -> Result<LogoutNotice, Refusal> {
        let token = VelferdIdToken::from_str(logout_token).map_err(|e| Refusal::InvalidIdToken(format!("logout token: {e}")))?;
        let md = self.metadata(false).await?;
        let verify = |md: &ProviderMetadataWithLogout| {
            let types = [JsonWebTokenType::new("JWT".to_owned()), JsonWebTokenType::new("logout+jwt".to_owned())].iter().filter_map(|t| t.normalize().ok()).collect::<Vec<_>>();
            let client = self.client(md);
            let verifier = client.id_token_verifier().set_allowed_jose_types(types);
            token.claims(&verifier, |nonce: Option<&Nonce>| if nonce.is_some() { Err("a logout token has no nonce".to_owned()) } else { Ok(()) }).cloned()
        };
        let claims = match verify(&md) {
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => verify(&*self.metadata(true).await?),
            other => other,
        }
        .map_err(|e| Refusal::InvalidIdToken(format!("logout token: {}", error_chain(&e))))?;
        let extra = claims.additional_claims();
        let is_logout = extra.events.as_ref().and_then(|e| e.get("http://schemas.openid.net/event/backchannel-logout")).is_some_and(serde_json::Value::is_object);
        if !is_logout {
            return Err(Refusal::InvalidIdToken("logout token without the back-channel logout event".into()));
        }
        Ok(LogoutNotice { sid: extra.sid.clone(), subject: Some(claims.subject().as_str().to_owned()) })
    }
}

/// An error with its causes, for the log (the crates' top-level messages say little on their own).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_satisfies_substantial_and_nothing_else_counts() {
        assert!(Assurance::High >= Assurance::Substantial);
        assert_eq!(Assurance::from_acr("idporten-loa-high"), Some(Assurance::High));
        assert_eq!(Assurance::from_acr("idporten-loa-low"), None);
        assert_eq!(Assurance::from_acr("Level4"), None, "the old level names are not accepted");
        assert_eq!(Assurance::parse("high"), Ok(Assurance::High));
        assert_eq!(Assurance::parse("idporten-loa-substantial"), Ok(Assurance::Substantial));
        assert!(Assurance::parse("low").is_err());
    }

    #[test]
    fn settings_with_bad_urls_are_refused_at_start() {
        let settings = |issuer: &str, public: &str| ProviderSettings {
            audience: Audience::Citizens,
            issuer: issuer.into(),
            client_id: "velferd".into(),
            client_secret: "s".into(),
            public_url: public.into(),
            min_assurance: Some(Assurance::Substantial),
        };
        assert!(Provider::new(settings("not a url", "https://velferd.example")).is_err());
        assert!(Provider::new(settings("https://idporten.example", "nope")).is_err());
        let ok = Provider::new(settings("https://idporten.example", "https://velferd.example/")).expect("valid");
        assert_eq!(ok.issuer(), "https://idporten.example");
        assert_eq!(ok.0.redirect.as_str(), "https://velferd.example/logg-inn/callback");
        assert!(!format!("{ok:?}").contains("\"s\""), "the secret is not in Debug output");
    }

    #[test]
    fn a_callback_parameter_given_twice_counts_as_missing() {
        let c = Callback::from_query("code=abc&state=s1&state=s2&iss=https%3A%2F%2Fidporten.example");
        assert_eq!(c.code.as_deref(), Some("abc"));
        assert_eq!(c.state, None);
        assert_eq!(c.iss.as_deref(), Some("https://idporten.example"));
        assert_eq!(Callback::from_query("error=access_denied").error.as_deref(), Some("access_denied"));
    }

    #[test]
    fn roles_come_as_a_string_or_a_list() {
        let c: VelferdClaims = serde_json::from_str(r#"{"roles": "leder", "groups": ["saksbehandler", 7, "x"], "pid": 12819012022}"#).expect("any types parse");
        let values = strings(c.roles.as_ref()).into_iter().chain(strings(c.groups.as_ref()));
        assert_eq!(Role::from_claims(values), vec![Role::Saksbehandler, Role::Leder]);
        assert!(c.pid.as_ref().and_then(serde_json::Value::as_str).is_none(), "a pid that is not a string is no pid");
    }
}
