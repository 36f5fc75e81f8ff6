// Velferd in a real browser (Debian's Chromium through playwright-core), sized like a phone.
//
// A citizen applies from the front page to the receipt with JavaScript turned off, as the site
// must work without it. Every distinct kind of page she sees is then checked with axe-core
// (WCAG 2.1 A and AA), the front page and a step page are weighed, and a full-page screenshot of
// every page is saved in tests/browser/out/ for a developer to look at.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const outDir = path.join(here, 'out');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WEIGHT_BUDGET_BYTES = 50_000;
const REFERENCE = /VF-[0-9A-Z]{4}-[0-9A-Z]{4}/;
/** The reference on the receipt of the application sent in this walk. */
let sentReference = '';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone, in Norway. `locale` makes Chromium send Accept-Language: nb-NO. */
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nb-NO',
};

let server; // { process, base, log, tmp }
let browser;
let context; // the citizen's phone, JavaScript off
let page;

/** Pages the citizen saw, in order: name, URL and the document exactly as the server sent it. */
const visited = [];
let lastDocument; // the latest main-frame document response that was not a redirect
let shotNumber = 0;

// ---------------------------------------------------------------- server and browser

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const bin = process.env.VELFERD_BIN;
  if (!bin) {
    throw new Error(
      'VELFERD_BIN is not set. Build the server (cargo build --bin velferd) and run\n' +
        '  VELFERD_BIN=target/debug/velferd node --test tests/browser/\nfrom the repository root.',
    );
  }
  const binPath = path.resolve(bin);
  try {
    await access(binPath, constants.X_OK);
  } catch {
    throw new Error(`VELFERD_BIN=${bin} is not an executable file (resolved to ${binPath}).`);
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'velferd-browser-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = ['serve', '--demo', '--addr', `127.0.0.1:${port}`, '--database', `sqlite://${tmp}/v.db`, '--files', `${tmp}/files`];
  const child = spawn(binPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const log = [];
  const keep = (chunk) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  server = { process: child, base, log, tmp };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      throw new Error(`velferd exited (${JSON.stringify(exited)}) before answering /health:\n${log.join('\n')}`);
    }
    try {
      const r = await fetch(`${base}/health`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`velferd did not answer 200 on ${base}/health within 30 s:\n${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopServer() {
  if (!server) return;
  const child = server.process;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
  await rm(server.tmp, { recursive: true, force: true });
}

before(async () => {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await startServer();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, baseURL: server.base });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('response', (r) => {
    const s = r.status();
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && !(s >= 300 && s < 400)) lastDocument = r;
  });
});

after(async () => {
  await browser?.close();
  await stopServer();
});

// ---------------------------------------------------------------- helpers

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG "photo" of a text page: dark lines on light paper, `light` 1 for well lit. */
function pagePhoto(width, height, light) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const ink = y % 28 < 8 && x > 30 && x < width - 30 && Math.floor(x / 23) % 7 !== 0;
      const v = Math.round((ink ? 40 : 235) * light);
      raw.fill(v, row + 1 + x * 3, row + 4 + x * 3);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const withoutHash = (url) => url.split('#')[0];

/** Records the page the citizen now sees (for axe) and saves a full-page screenshot of it. */
async function seen(name) {
  await page.waitForLoadState('load');
  const doc = lastDocument;
  assert.ok(doc, `no document loaded for ${name}`);
  assert.equal(withoutHash(doc.url()), withoutHash(page.url()), `the document recorded for ${name} is the page shown`);
  // Nothing may stick out sideways on a 360 px wide phone. (The DevTools protocol can read the
  // page even with JavaScript off.)
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}`);
    return `${document.documentElement.scrollWidth}px wide in a ${width}px viewport; too wide: ${wide.join(', ')}`;
  });
  assert.equal(overflow, null, `${name} scrolls sideways`);
  const headers = await doc.allHeaders();
  visited.push({ name, url: page.url(), status: doc.status(), headers, body: await doc.body() });
  shotNumber += 1;
  const file = `${String(shotNumber).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
}

/** The page's only h1, once it has this text. */
async function heading(name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function next(title) {
  await page.getByRole('button', { name: 'Neste', exact: true }).click();
  if (title) await heading(title);
}

const group = (name) => page.getByRole('group', { name, exact: true });

async function choose(groupName, answer) {
  await group(groupName).getByRole('radio', { name: answer, exact: true }).check();
}

/** Follows a language link in the header (on a step, a button that saves what is typed first) and
 * waits for the page in that language. */
async function switchLanguage(label, code) {
  const nav = page.getByRole('navigation', { name: /Språk|Language/ });
  await nav.getByRole('link', { name: label, exact: true }).or(nav.getByRole('button', { name: label, exact: true })).click();
  await page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
}

// The walk-through is one story told in several tests; once a part fails, the rest are skipped
// rather than failing for the same reason.
let walkBroken = null;
function walk(name, fn) {
  test(name, { timeout: 120_000 }, async (t) => {
    if (walkBroken) {
      t.skip(`an earlier part of the walk-through failed: ${walkBroken}`);
      return;
    }
    try {
      await fn(t);
    } catch (e) {
      walkBroken = name;
      throw e;
    }
  });
}

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
  assert.equal(lastDocument.status(), 422);
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
  assert.ok((await contract.innerText()).includes('Bildet er veldig mørkt'), 'the dark photo gets a warning in plain words');
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
  const reference = main.match(REFERENCE)?.[0];
  assert.ok(reference, `the receipt shows a reference like VF-XXXX-XXXX:\n${main}`);
  sentReference = reference;
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
  assert.ok(await page.getByLabel('Kontoutskrift for brukskontoen').isVisible(), 'a field for the bank statement, still needed');
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
  // Her application, not the demo's emergency from this morning at the top of the inbox.
  await page.getByRole('link', { name: sentReference, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Søknad VF-/ }).waitFor();
  const details = await page.getByRole('main').innerText();
  assert.ok(details.includes('Svarene i søknaden') && details.includes('Søknaden ble sendt til NAV Frogner.'), `the case:\n${details}`);
  await seen('staff case');
  await page.goto('/mine-soknader');
  await page.getByRole('link', { name: /^Søknad sendt / }).first().click();
  await heading('Søknaden din');
  const looked = await page.getByRole('main').innerText();
  assert.ok(looked.includes('NAV Frogner, Sara Lund – hentet søknaden'), `she sees who looked:\n${looked}`);
});

// ---------------------------------------------------------------- accessibility

test('every kind of page passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  assert.ok(visited.length > 0, 'the walk-through visited no pages');
  const axeSource = await readFile(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // axe needs JavaScript, so it runs in a second phone whose JavaScript is on. Each page is loaded
  // at its own URL with the very document the citizen got (a step with errors is the answer to a
  // POST, and a sent application's steps lead to the receipt, so refetching would show other pages);
  // the stylesheets come from the server and the page keeps its Content-Security-Policy. axe is
  // evaluated through the DevTools protocol, which that policy does not block.
  const axeContext = await browser.newContext({ ...PHONE, javaScriptEnabled: true });
  const axePage = await axeContext.newPage();
  try {
    for (const v of visited) {
      await t.test(v.name, async (st) => {
        const target = new URL(v.url);
        target.hash = '';
        const keep = ['content-type', 'content-security-policy', 'content-language'];
        const headers = Object.fromEntries(Object.entries(v.headers).filter(([k]) => keep.includes(k)));
        await axePage.route((u) => u.href === target.href, (route) => route.fulfill({ status: v.status, headers, body: v.body }), { times: 1 });
        await axePage.goto(target.href, { waitUntil: 'load' });
        await axePage.evaluate(axeSource);
        const results = await axePage.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          WCAG_TAGS,
        );
        // What axe could not decide (for example contrast over a gradient) is for a person to check.
        for (const i of results.incomplete) {
          for (const n of i.nodes) st.diagnostic(`axe could not decide ${i.id} at ${n.target.join(' ')}: ${n.any.map((c) => c.message).join('; ')}`);
        }
        if (results.violations.length) {
          const lines = results.violations.flatMap((violation) => [
            `${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})`,
            ...violation.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`),
          ]);
          assert.fail(`${v.name} (${v.url}): ${results.violations.length} axe violation(s):\n${lines.join('\n')}`);
        }
      });
    }
  } finally {
    await axeContext.close();
  }
  const names = visited.map((v) => v.name);
  for (const must of ['home', 'sign-in', 'start', 'municipality closed', 'step konto with error', 'summary', 'attach', 'attach with pages', 'receipt', 'not found', 'home nn', 'receipt en', 'my applications', 'case', 'upload', 'staff demo sign-in', 'staff home', 'staff cases', 'staff case']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});

// ---------------------------------------------------------------- page weight

/** Loads `url` in a fresh phone (empty cache) and adds up what crossed the network. */
async function weigh(url, storageState) {
  const fresh = await browser.newContext({ ...PHONE, javaScriptEnabled: false, baseURL: server.base, storageState });
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
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, baseURL: server.base });
  let stepUrl;
  let state;
  try {
    const p = await ctx.newPage();
    await p.goto('/logg-inn');
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
