// Velferd in a real browser (Debian's Chromium through playwright-core), sized like a phone.
//
// A citizen applies from the front page to the receipt with JavaScript turned off, as the site
// must work without it. Every distinct kind of page she sees is then checked with axe-core
// (WCAG 2.1 A and AA), the front page and a step page are weighed, and a full-page screenshot of
// every page is saved in tests/browser/out/apply/ for a developer to look at. What the browser tests
// share (the server, the phone, recording pages, axe) is in lib.mjs.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, heading as h1, pagePhoto, REFERENCE, walkthrough } from './lib.mjs';

const WEIGHT_BUDGET_BYTES = 50_000;

// Her server and Chromium, started before the tests and stopped after them (lib.mjs); screenshots
// go to tests/browser/out/apply/.
const suite = browserSuite('apply');
let page; // the citizen's phone, JavaScript off
let reference; // the sent application's, as the receipt shows it

before(async () => {
  page = await suite.open(await suite.phone());
});

// ---------------------------------------------------------------- helpers

/** Records the page the citizen now sees (for axe) and saves a full-page screenshot of it. */
const seen = (name) => suite.seen(page, name);

/** The page's only h1, once it has this text. */
const heading = (name) => h1(page, name);

async function next(title) {
  await page.getByRole('button', { name: 'Neste', exact: true }).click();
  if (title) await heading(title);
}

const group = (name) => page.getByRole('group', { name, exact: true });

async function choose(groupName, answer) {
  await group(groupName).getByRole('radio', { name: answer, exact: true }).check();
}

/** Follows a language link in the header and waits for the page in that language. */
async function switchLanguage(label, code) {
  // On a step the switch is a button of the step's form (it saves what is typed first); elsewhere a link.
  const nav = page.getByRole('navigation', { name: /Språk|Language/ });
  await nav.getByRole('link', { name: label, exact: true }).or(nav.getByRole('button', { name: label, exact: true })).click();
  await page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
}

const walk = walkthrough();

// ---------------------------------------------------------------- the walk-through, no JavaScript

walk('the front page reads in bokmål, nynorsk and English', async () => {
  const response = await page.goto('/');
  assert.equal(response.status(), 200);
  await heading('Søk om økonomisk sosialhjelp');
  await seen('home');
  await switchLanguage('Nynorsk', 'nn');
  await heading('Søk om økonomisk sosialhjelp');
  await seen('home nn');
  await switchLanguage('English', 'en');
  await heading('Apply for financial assistance');
  await seen('home en');
  await switchLanguage('Bokmål', 'nb');
  await heading('Søk om økonomisk sosialhjelp');
});

walk('she signs in as a demo person and chooses her municipality (Tromsø is paused)', async () => {
  await page.getByRole('link', { name: 'Start søknaden' }).click();
  await heading('Logg inn');
  await seen('sign-in');
  await page.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await heading('Søknad om økonomisk sosialhjelp');
  assert.ok(await page.getByText('Du er logget inn som Kari Nordmann.').isVisible());
  await seen('start');

  const kommune = page.getByLabel('Hvilken kommune bor du i nå?');
  await kommune.selectOption({ label: 'Tromsø' });
  await page.getByRole('button', { name: 'Start søknaden' }).click();
  await heading('Tromsø tar ikke imot digitale søknader nå');
  assert.ok(await page.getByRole('link', { name: '55 55 33 33' }).isVisible(), 'the closed page gives the office phone');
  await seen('municipality closed');

  await page.getByRole('link', { name: 'Bor du i en annen kommune? Velg kommune på nytt' }).click();
  await heading('Søknad om økonomisk sosialhjelp');
  await kommune.selectOption({ label: 'Oslo' });
  await page.getByRole('button', { name: 'Start søknaden' }).click();
  await heading('Trenger du hjelp i dag?');
});

walk('she answers every step, adding a second child', async () => {
  // nødhjelp
  assert.ok(await page.getByText('Steg 1 av', { exact: false }).isVisible());
  await seen('step nodhjelp');
  await page.getByRole('radio', { name: 'Nei', exact: true }).check();
  await next('Hva søker du om?');

  // behov
  await seen('step behov');
  await page.getByRole('checkbox', { name: 'Husleie', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Strøm', exact: true }).check();
  assert.equal(await page.getByLabel('Hva annet søker du om?').isVisible(), false, 'the follow-up for "Noe annet" stays hidden (CSS only)');
  await page.getByLabel('Hvorfor søker du?').fill('Jeg har mistet jobben og klarer ikke å betale husleie og strøm denne måneden.');
  await next('Om deg');

  // personalia
  await seen('step personalia');
  await page.getByLabel('Telefonnummer (valgfritt)').fill('912 34 567');
  await choose('Bor du på adressen din i folkeregisteret?', 'Ja');
  await choose('Er du statsborger i et nordisk land?', 'Ja');
  await next('Hvor bor du?');

  // bolig
  await seen('step bolig');
  await page.getByRole('radio', { name: 'Jeg leier', exact: true }).check();
  await page.getByLabel('Hvor mange personer bor i boligen, deg selv medregnet?').fill('3');
  await next('Jobb og utdanning');

  // arbeid
  await seen('step arbeid');
  await choose('Har du jobb nå?', 'Ja');
  await page.getByLabel('Hvor jobber du?').fill('Kafé Ørkenrotta');
  await page.getByLabel('Stillingsprosent').fill('40');
  await choose('Går du på skole eller studerer du?', 'Nei');
  await next('Familie');

  // familie, with a second child added through the no-JavaScript "add" button
  await seen('step familie');
  await page.getByRole('radio', { name: 'Ugift', exact: true }).check();
  assert.equal(await group('Ektefelle eller samboer').isVisible(), false, 'partner questions are hidden for "Ugift"');
  await choose('Har du barn under 18 år som du forsørger?', 'Ja');
  const child1 = group('Barn 1');
  await child1.getByLabel('Fornavn').fill('Lise');
  await child1.getByLabel('Etternavn').fill('Nordmann');
  await child1.getByLabel('Fødselsdato').fill('01.06.2015');
  await child1.getByRole('group', { name: 'Bor barnet hos deg?' }).getByRole('radio', { name: 'Ja' }).check();
  await child1.getByRole('group', { name: 'Har dere avtale om delt bosted?' }).getByRole('radio', { name: 'Nei' }).check();
  await child1.getByRole('button', { name: 'Legg til et barn til' }).click();
  const child2 = group('Barn 2');
  await child2.waitFor();
  assert.match(page.url(), /#barn-2$/, 'lands on the new child');
  assert.equal(await child1.getByLabel('Fornavn').inputValue(), 'Lise', 'the first child is kept');
  await seen('step familie two children');
  await child2.getByLabel('Fornavn').fill('Per');
  await child2.getByLabel('Etternavn').fill('Nordmann');
  await child2.getByLabel('Fødselsdato').fill('15.03.2019');
  await child2.getByRole('group', { name: 'Bor barnet hos deg?' }).getByRole('radio', { name: 'Ja' }).check();
  await child2.getByRole('group', { name: 'Har dere avtale om delt bosted?' }).getByRole('radio', { name: 'Nei' }).check();
  await page.getByRole('radio', { name: 'Jeg mottar barnebidrag', exact: true }).check();
  await next('Inntekt og penger du har');

  // inntekt
  await seen('step inntekt');
  await page.getByLabel('Lønn etter skatt').fill('8 000');
  await page.getByLabel('Barnebidrag du mottar').fill('1 800');
  await page.getByLabel('På brukskontoen').fill('1200');
  await next('Utgifter');

  // utgifter, also looked at in nynorsk and English
  await seen('step utgifter');
  await switchLanguage('Nynorsk', 'nn');
  await seen('step utgifter nn');
  await switchLanguage('English', 'en');
  await heading('Expenses');
  await seen('step utgifter en');
  await switchLanguage('Bokmål', 'nb');
  await heading('Utgifter');
  await page.getByLabel('Husleie').fill('9 500');
  await page.getByLabel('Strøm').fill('800');
  await next('Kontonummer');
  await seen('step konto');
});

walk('a wrong account number is explained at the field and in the error summary', async () => {
  const account = page.getByLabel('Kontonummeret ditt');
  await account.fill('1234 56 78904');
  await page.getByRole('button', { name: 'Neste', exact: true }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.equal(suite.document(page).status(), 422);
  assert.match(await page.title(), /^Feil:/, 'the title says there is an error');
  const message = 'Kontonummeret finnes ikke. Sjekk at du har skrevet alle sifrene riktig.';

  // Next to the field: in the field's own block, tied to the input by aria-describedby.
  const field = page.locator('.ds-field').filter({ has: account });
  assert.equal((await field.locator('.ds-validation-message').innerText()).trim(), message);
  assert.equal(await account.getAttribute('aria-invalid'), 'true');
  const describedBy = (await account.getAttribute('aria-describedby')).split(/\s+/);
  const messageId = await field.locator('.ds-validation-message').getAttribute('id');
  assert.ok(describedBy.includes(messageId), `aria-describedby="${describedBy.join(' ')}" names the message #${messageId}`);
  assert.equal(await account.inputValue(), '1234 56 78904', 'what she typed is kept');

  // The summary links to the field.
  assert.ok(await summary.getByRole('heading', { name: 'Rett opp dette før du går videre' }).isVisible());
  const link = summary.getByRole('link', { name: `Kontonummeret ditt: ${message}` });
  const inputId = await account.getAttribute('id');
  assert.equal(await link.getAttribute('href'), `#${inputId}`);
  await seen('step konto with error');
  await link.click();
  assert.match(page.url(), new RegExp(`#${inputId}$`));
  assert.equal(await page.evaluate(() => document.activeElement?.id), inputId, 'following the link puts the cursor in the field');

  await account.fill('1234 56 78903');
  await next('Se over og send');
});

walk('the summary shows her answers and sending needs her confirmation', async () => {
  // Numbers are grouped with no-break spaces; compare with plain ones.
  const main = (await page.getByRole('main').innerText()).replace(/[^\S\n]/g, ' ');
  for (const text of ['Kafé Ørkenrotta', 'Lise Nordmann', 'Per Nordmann', '1234 56 78903', '9 500 kr']) {
    assert.ok(main.includes(text), `the summary shows ${text}:\n${main}`);
  }
  await seen('summary');
  // She attaches the rent contract: two photos, one of them sideways and one dark.
  await page.getByRole('link', { name: 'Legg ved eller endre dokumenter' }).click();
  await heading('Legg ved dokumenter');
  await seen('attach');
  const contract = page.locator('#dok-husleiekontrakt-husleiekontrakt');
  await contract.getByLabel('Eller velg bilder eller PDF-er').setInputFiles([
    { name: 'side1.png', mimeType: 'image/png', buffer: pagePhoto(300, 400, 1) },
    { name: 'side2.png', mimeType: 'image/png', buffer: pagePhoto(400, 300, 0.2) },
  ]);
  await contract.getByRole('button', { name: 'Legg ved Husleiekontrakt' }).click();
  await heading('Legg ved dokumenter');
  assert.equal(await contract.getByRole('img').count(), 2, 'a thumbnail of each page');
  assert.ok((await contract.innerText()).includes('Bildet er for mørkt. Ta bildet på nytt nærmere et vindu'), 'the dark photo gets a warning that says what to do');
  await page.waitForLoadState('load');
  const sideways = contract.getByRole('img', { name: 'Side 2 av Husleiekontrakt' });
  const before = await sideways.boundingBox();
  await contract.getByRole('button', { name: 'Roter Side 2 av Husleiekontrakt' }).click();
  await heading('Legg ved dokumenter');
  await page.waitForLoadState('load');
  const after = await contract.getByRole('img', { name: 'Side 2 av Husleiekontrakt' }).boundingBox();
  assert.ok(before.width > before.height && after.height > after.width, 'turning the sideways page makes it upright');
  await seen('attach with pages');
  await page.getByRole('link', { name: 'Ferdig med dokumentene' }).click();
  await heading('Se over og send');
  assert.ok((await page.getByRole('main').innerText()).includes('lagt ved (2 sider)'), 'the summary says the contract is attached');
  await page.getByRole('button', { name: 'Send søknaden' }).click();
  await page.getByRole('alert').waitFor();
  assert.ok(await page.getByRole('alert').getByRole('link', { name: 'Du må bekrefte at opplysningene er riktige før du sender.' }).isVisible());
  await seen('summary with error');
  await page.getByLabel('Jeg bekrefter at opplysningene er riktige, og at kontoret kan kontakte meg om søknaden.').check();
  await page.getByRole('button', { name: 'Send søknaden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Søknaden er sendt' }).waitFor();
});

walk('the receipt has a reference and a PDF copy, and reads in nynorsk and English', async (t) => {
  const main = await page.getByRole('main').innerText();
  reference = main.match(REFERENCE)?.[0];
  assert.ok(reference, `the receipt shows a reference like VF-XXXX-XXXX:\n${main}`);
  t.diagnostic(`reference ${reference}`);
  assert.ok(main.includes('NAV Frogner'), 'the receipt names the office');
  await seen('receipt');

  const pdfHref = await page.getByRole('link', { name: 'Last ned søknaden som PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');

  const notFound = await page.goto('/finnes-ikke');
  assert.equal(notFound.status(), 404);
  await heading('Vi finner ikke siden');
  await seen('not found');
  await page.goBack();
  await heading('Søknaden er sendt');

  await switchLanguage('Nynorsk', 'nn');
  await heading('Du har sendt søknaden');
  assert.match(await page.getByRole('main').innerText(), REFERENCE);
  await seen('receipt nn');
  await switchLanguage('English', 'en');
  await heading('Your application has been sent');
  await seen('receipt en');
  await switchLanguage('Bokmål', 'nb');
});

walk('she follows the application under "Mine søknader" in plain words', async () => {
  await page.getByRole('link', { name: 'Følg søknaden under «Mine søknader»' }).click();
  await heading('Mine søknader');
  await seen('my applications');
  const main = await page.getByRole('main').innerText();
  assert.ok(main.includes('Mottatt') && main.includes('NAV Frogner'), `the list says where it stands:\n${main}`);
  await page.getByRole('link', { name: /^Søknad sendt / }).first().click();
  await heading('Søknaden din');
  const details = await page.getByRole('main').innerText();
  assert.ok(details.includes('Kontoret har fått søknaden din'), `plain status and expected time:\n${details}`);
  assert.equal(await page.locator('[aria-current="step"]').innerText(), 'Mottatt', 'the step indicator marks where it is');
  await seen('case');
  // Sending more documents is on the same application, with one field per needed document.
  await page.getByRole('link', { name: 'Send dokumenter' }).click();
  await heading('Send dokumenter');
  assert.ok(await page.getByLabel('Kontoutskrift for brukskontoen, siste måned', { exact: true }).isVisible(), 'a field for the bank statement, still needed');
  assert.equal(await page.getByLabel('Husleiekontrakt').count(), 0, 'the rent contract came with the application');
  await seen('upload');
});

walk('a caseworker at her office opens the application, and she sees who looked', async () => {
  await page.goto('/logg-inn');
  await page.getByRole('link', { name: 'Vil du se hvordan saksbehandlerne jobber? Logg inn som ansatt' }).click();
  await heading('Demoinnlogging for ansatte');
  await seen('staff demo sign-in');
  await page.getByRole('button', { name: 'Logg inn som Sara Lund' }).click();
  await heading('Velferd for ansatte');
  await seen('staff home');
  await page.getByRole('link', { name: 'Søknader til kontoret' }).click();
  await heading('Søknader til kontoret');
  const list = await page.getByRole('main').innerText();
  assert.ok(list.includes('NAV Frogner') && list.includes('Mottatt'), `the office's applications:\n${list}`);
  await seen('staff cases');
  // Emergencies come first in the office's list (the demo has one), so she opens this application
  // by the reference on the receipt.
  await page.getByRole('link', { name: reference, exact: true }).click();
  await heading(`Søknad ${reference}`);
  const details = await page.getByRole('main').innerText();
  assert.ok(details.includes('Svarene i søknaden') && details.includes('Søknaden ble sendt til NAV Frogner.'), `the case:\n${details}`);
  await seen('staff case');
  // A staff sign-in ends the citizen's (one person per session), so she signs in again.
  await page.goto('/logg-inn?neste=%2Fmine-soknader');
  await page.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await heading('Mine søknader');
  await page.getByRole('link', { name: /^Søknad sendt / }).first().click();
  await heading('Søknaden din');
  const looked = await page.getByRole('main').innerText();
  assert.ok(looked.includes('NAV Frogner, Sara Lund – hentet søknaden'), `she sees who looked:\n${looked}`);
});

// ---------------------------------------------------------------- accessibility

test('every kind of page passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  await suite.checkAccessibility(t);
  const names = suite.visited.map((v) => v.name);
  for (const must of ['home', 'sign-in', 'start', 'municipality closed', 'step konto with error', 'summary', 'attach', 'attach with pages', 'receipt', 'not found', 'home nn', 'receipt en', 'my applications', 'case', 'upload', 'staff demo sign-in', 'staff home', 'staff cases', 'staff case']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});

// ---------------------------------------------------------------- page weight

/** Loads `url` in a fresh phone (empty cache) and adds up what crossed the network. */
async function weigh(url, storageState) {
  const fresh = await suite.phone({ storageState });
  try {
    const p = await fresh.newPage();
    const requests = [];
    p.on('requestfinished', (r) => requests.push(r));
    const response = await p.goto(url, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `${url} answers 200`);
    await p.waitForLoadState('networkidle');
    const rows = [];
    for (const r of requests) {
      const sizes = await r.sizes();
      const res = await r.response();
      const encoding = (await res?.headerValue('content-encoding')) ?? 'none';
      rows.push({ url: new URL(r.url()).pathname, body: sizes.responseBodySize, headers: sizes.responseHeadersSize, encoding });
    }
    return rows;
  } finally {
    await fresh.close();
  }
}

test('the front page and a step page weigh less than 50 KB with their CSS', { timeout: 120_000 }, async (t) => {
  // Her own session, so this test does not depend on the walk-through.
  const ctx = await suite.phone();
  let stepUrl;
  let state;
  try {
    const p = await ctx.newPage();
    await p.goto('/logg-inn?neste=/soknad');
    await p.getByRole('button', { name: 'Logg inn som Ola Hansen' }).click();
    await p.getByLabel('Hvilken kommune bor du i nå?').selectOption({ label: 'Bergen' });
    await p.getByRole('button', { name: 'Start søknaden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Trenger du hjelp i dag?' }).waitFor();
    stepUrl = new URL(p.url()).pathname;
    state = await ctx.storageState();
  } finally {
    await ctx.close();
  }

  for (const [name, url, storage] of [['front page', '/', undefined], ['step page', stepUrl, state]]) {
    const rows = await weigh(url, storage);
    const body = rows.reduce((s, r) => s + r.body, 0);
    const headers = rows.reduce((s, r) => s + r.headers, 0);
    t.diagnostic(`${name} (${url}): ${body} bytes of bodies as sent (+ ${headers} bytes of headers), budget ${WEIGHT_BUDGET_BYTES}`);
    for (const r of rows) t.diagnostic(`  ${String(r.body).padStart(6)} B  ${r.encoding.padEnd(5)} ${r.url}`);
    assert.ok(rows.some((r) => r.url.endsWith('.css')), `${name}: the stylesheets were loaded`);
    for (const r of rows.filter((r) => r.url === url || r.url.endsWith('.css'))) {
      assert.notEqual(r.encoding, 'none', `${name}: ${r.url} is sent compressed`);
    }
    assert.ok(body < WEIGHT_BUDGET_BYTES, `${name} transfers ${body} bytes, over the budget of ${WEIGHT_BUDGET_BYTES}`);
  }
});
