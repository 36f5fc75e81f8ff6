// A real OpenID Connect provider for Velferd's sign-in tests: the certified `oidc-provider`
// package, configured like ID-porten for citizens (a `pid` claim with the personal number, `acr`
// idporten-loa-*) and like a municipality's Entra ID for staff (`name`, `roles`, `office`).
//
//   node tests/oidc/provider.mjs --port N --rp http://127.0.0.1:M [--issuer URL] [--token-clock-offset S]
//
// --rp          the Velferd server under test: its redirect, post-logout and back-channel logout URLs
//               are registered from it.
// --issuer      the issuer to announce (default http://127.0.0.1:N), e.g. when a test puts something
//               in front of the provider.
// --token-clock-offset S
//               the provider signs tokens at the token endpoint with its clock S seconds off (e.g.
//               -7200: two hours slow, so the ID token it issues has already expired).
//
// Everything about codes, tokens, signatures and sessions is oidc-provider's own. What this file adds
// is what every deployment of oidc-provider must write itself: the accounts and the login page. The
// login page lets a test pick the user and the level of assurance (as a person picks MinID or BankID):
//
//   GET  /interaction/:uid               the login form
//   POST /interaction/:uid/login         username=kari&acr=idporten-loa-substantial
//   POST /interaction/:uid/abort         the person cancels (the client gets error=access_denied)
//
// Prints "ready <issuer>" on stdout once it listens.

import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    rp: { type: 'string' },
    issuer: { type: 'string' },
    'token-clock-offset': { type: 'string', default: '0' },
  },
});
if (!args.port || !args.rp) {
  console.error('usage: node provider.mjs --port N --rp http://127.0.0.1:M [--issuer URL] [--token-clock-offset SECONDS]');
  process.exit(2);
}
const port = Number(args.port);
const issuer = args.issuer ?? `http://127.0.0.1:${port}`;
const rp = args.rp.replace(/\/$/, '');
const tokenClockOffset = Number(args['token-clock-offset']);

// Test people. The citizens' numbers are the synthetic ones of Velferd's demo register
// (crates/web/src/demo.rs), so a signed-in citizen is someone Velferd knows.
const ACCOUNTS = {
  kari: { pid: '12819012022', name: 'Kari Nordmann' },
  ola: { pid: '03918545130', name: 'Ola Hansen' },
  // A valid number that is not in the demo register.
  'ukjent': { pid: '15058512343', name: 'Una Ukjent' },
  'uten-pid': { name: 'Nomen Nescio' },
  'ugyldig-pid': { pid: '12819012023', name: 'Feil Nummer' },
  saksbehandler: { name: 'Sara Saksbehandler', roles: ['saksbehandler'], office: '0312' },
  leder: { name: 'Lars Leder', roles: ['leder', 'saksbehandler'], office: '1201' },
  fortrolig: { name: 'Frida Fortrolig', roles: ['saksbehandler', 'fortrolig'], office: '0312' },
  'uten-rolle': { name: 'Ulf Utenrolle', roles: ['ukjent'], office: '0312' },
  'uten-kontor': { name: 'Kim Kontorlos', roles: ['saksbehandler'] },
};

const CLIENTS = [
  {
    // Velferd's citizen sign-in (like an ID-porten integration).
    client_id: 'velferd',
    client_secret: 'velferd-hemmelig',
    redirect_uris: [`${rp}/logg-inn/callback`],
    post_logout_redirect_uris: [`${rp}/`],
    backchannel_logout_uri: `${rp}/logg-ut/backchannel`,
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  },
  {
    // Velferd's staff sign-in (like the municipality's Entra ID app registration).
    client_id: 'velferd-ansatt',
    client_secret: 'velferd-ansatt-hemmelig',
    redirect_uris: [`${rp}/ansatt/logg-inn/callback`],
    post_logout_redirect_uris: [`${rp}/ansatt/logget-ut`],
    backchannel_logout_uri: `${rp}/ansatt/logg-ut/backchannel`,
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  },
  {
    // Another service at the same provider: its ID tokens are real, but not meant for Velferd.
    client_id: 'annen-tjeneste',
    client_secret: 'annen-tjeneste-hemmelig',
    redirect_uris: ['http://127.0.0.1:9/annen-tjeneste/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  },
];

const configuration = {
  clients: CLIENTS,
  // PKCE (S256) on every authorization request, confidential clients included.
  pkce: { required: () => true },
  acrValues: ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'],
  // pid like ID-porten (with the openid scope); name, roles and office with profile.
  claims: {
    acr: null,
    amr: null,
    sid: null,
    auth_time: null,
    openid: ['sub', 'pid'],
    profile: ['name', 'roles', 'office'],
  },
  // The claims of the requested scopes go in the ID token (as ID-porten and Entra ID do), not only in userinfo.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true },
    backchannelLogout: { enabled: true },
  },
  cookies: { keys: ['velferd-test-provider-cookie-key'] },
  // The provider refuses to call special-use addresses (SSRF protection); the Velferd under test
  // listens on loopback, so its back-channel logout calls go out without that check.
  fetch: (url, options) => {
    const { dispatcher: _loopbackBlocked, ...rest } = options;
    return globalThis.fetch(url, rest);
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...account };
      },
    };
  },
  // Velferd's clients are first-party: no consent screen, the requested scopes are granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><title>Error</title><h1>${escape(out.error)}</h1><p>${escape(out.error_description ?? '')}</p>`;
  },
};

const provider = new Provider(issuer, configuration);
provider.proxy = false;

// A provider whose clock is off when it signs tokens (only there, so its own cookies stay usable).
if (tokenClockOffset !== 0) {
  const realNow = Date.now;
  provider.use(async (ctx, next) => {
    if (ctx.path !== '/token') return next();
    Date.now = () => realNow() + tokenClockOffset * 1000;
    try {
      await next();
    } finally {
      Date.now = realNow;
    }
  });
}

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function formBody(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

// The login page and its two answers.
provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(?:\/(login|abort))?$/);
  if (!match) return next();
  const [, , action] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (!action && ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><title>Logg inn</title>
<form method="post" action="/interaction/${escape(details.uid)}/login">
  <label>Bruker <input name="username"></label>
  <label>Sikkerhetsnivå <select name="acr">${configuration.acrValues.map((a) => `<option>${a}</option>`).join('')}</select></label>
  <button>Logg inn</button>
</form>
<form method="post" action="/interaction/${escape(details.uid)}/abort"><button>Avbryt</button></form>`;
    return undefined;
  }
  if (ctx.method !== 'POST') return next();
  if (action === 'abort') {
    return provider.interactionFinished(ctx.req, ctx.res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
  }
  const form = await formBody(ctx.req);
  const username = form.get('username') ?? '';
  if (!ACCOUNTS[username]) {
    ctx.status = 400;
    ctx.body = `unknown test user ${username}`;
    return undefined;
  }
  const acr = form.get('acr') || 'idporten-loa-substantial';
  return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: username, acr, amr: ['TestID'] } }, { mergeWithLastSubmission: false });
});

provider.on('server_error', (_ctx, err) => console.error('server_error', err));
provider.on('backchannel.error', (_ctx, err, client) => console.error('backchannel.error', client?.clientId, err.message, err.cause?.message ?? err.cause ?? ''));

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
