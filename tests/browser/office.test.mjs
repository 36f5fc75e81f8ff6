// The office's side in a real browser (Debian's Chromium through playwright-core), on a phone with
// JavaScript off: issue 11's "Done when", walked as people would.
//
// Sara Lund, a caseworker at NAV Frogner, signs in (demo) and finds Kari Nordmann's emergency
// application at the top of the inbox. She takes it, starts processing it, writes an internal note
// and asks for the rent contract with a letter — after one refused try — and reads the letter as a
// PDF. Kari signs in on her own phone, sees the task and sends a photo of the contract through the
// task's link. Sara sees the request answered and the inbox no longer waiting for documents. She
// uses the inbox's filters and search on the way. Every page is checked with axe-core (WCAG 2.1 A
// and AA), and full-page screenshots and the letter's first page as PNG are saved in
// tests/browser/out/office/ for a person to look at.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/office.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { browserSuite, heading, mainText, pagePhoto, REFERENCE, walkthrough } from './lib.mjs';

const run = promisify(execFile);
const suite = browserSuite('office');
const walk = walkthrough();

let sara; // Sara's phone at the office's pages
let kari; // Kari's phone: a second browser context, with a session of its own

/** What the walk-through learns on the way. */
const story = {
  reference: '', // Kari's emergency application
  deadline: '', // the request's deadline as Norwegians write it, 07.12.2026
  note: 'Ringte Kari. Hun får matkort i dag; husleien vurderes når kontrakten er kommet.',
  message: 'Ta bilde av alle sidene i kontrakten, også siden med underskriftene.',
};

before(async () => {
  sara = await suite.open(await suite.phone());
  kari = await suite.open(await suite.phone());
});

// ---------------------------------------------------------------- helpers

const DAY = 24 * 60 * 60 * 1000;

/** The date in Oslo `ms` falls on, as a date field holds it: 2026-12-07. */
const osloIsoDate = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/** 2026-12-07 as Norwegians write it: 07.12.2026. */
const norwegianDate = (iso) => iso.split('-').reverse().join('.');

/** Text with every run of spaces (also no-break spaces) as one plain space. */
const plain = (text) => text.replace(/[^\S\n]+/g, ' ');

/** A list of facts (<dl>) as { term: description }. */
async function facts(list) {
  const terms = await list.locator('dt').allInnerTexts();
  const descriptions = await list.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [term.trim(), plain(descriptions[i] ?? '').trim()]));
}

/** The inbox's list of applications, and the card that carries `reference`. */
const inboxList = (page) => page.getByRole('list', { name: 'Søknader, nødhjelp først' });
const inboxCard = (page, reference) => inboxList(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: reference, exact: true }) });

/** A section of the case file, by its heading. */
const section = (page, name) => page.getByRole('region', { name, exact: true });

/** One of the case file's actions, a <details> opened by its summary. */
const action = (page, summary) => section(page, 'Handlinger').locator('details').filter({ has: page.locator('summary', { hasText: summary }) });

/** Follows one of the inbox's filters and waits for it to be the current one. */
async function filter(page, label) {
  const link = page.getByRole('navigation', { name: 'Vis søknader' }).getByRole('link', { name: label, exact: true });
  await link.click();
  await heading(page, 'Søknader til kontoret');
  assert.equal(await link.getAttribute('aria-current'), 'page', `the filter "${label}" is marked as the one shown`);
  assert.ok((await page.getByRole('status').innerText()).includes(`Viser: ${label}`), `the page says it shows "${label}"`);
}

/** Presses a button on the case file and waits for its confirmation. */
async function act(page, button, confirmation) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await heading(page, `Søknad ${story.reference}`);
  const status = page.locator('.ds-alert[role="status"]');
  assert.equal((await status.innerText()).trim(), confirmation, `"${button}" is confirmed`);
}

/** The first page of a PDF as text, through poppler's pdftotext. */
async function pdfText(file) {
  const { stdout } = await run('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-']);
  return plain(stdout);
}

// ---------------------------------------------------------------- Sara at the office

walk('Sara signs in and finds Kari\'s emergency at the top of the inbox, marked', async () => {
  await sara.goto('/ansatt'); // under --demo, staff who are not signed in land on the demo sign-in
  await heading(sara, 'Demoinnlogging for ansatte');
  await sara.getByRole('button', { name: 'Logg inn som Sara Lund' }).click();
  await heading(sara, 'Velferd for ansatte');
  await sara.getByRole('link', { name: 'Søknader til kontoret' }).click();
  await heading(sara, 'Søknader til kontoret');
  assert.ok((await mainText(sara)).includes('NAV Frogner'), 'the inbox names her office');

  const first = inboxList(sara).getByRole('listitem').first();
  const title = await first.getByRole('heading').innerText();
  assert.match(title, /Kari Nordmann$/, `the first application is Kari's: ${title}`);
  story.reference = title.match(REFERENCE)?.[0];
  assert.ok(story.reference, `the first row shows a reference: ${title}`);
  assert.equal(await first.getByText('Nødhjelp', { exact: true }).count(), 1, 'it is marked as an emergency');
  const row = await facts(first);
  assert.equal(row.Status, 'Mottatt', 'it is new');
  assert.equal(row.Saksbehandler, 'Ingen ennå', 'nobody has it yet');
  assert.match(row.Mottatt, /^\d\d\.\d\d\.\d{4} \d\d[.:]\d\d \(.+\)$/, 'it says when it came and how long it has waited');
  await suite.seen(sara, 'inbox');

  await filter(sara, 'Nye');
  assert.equal(await inboxCard(sara, story.reference).count(), 1, 'it is among the new applications');
  await suite.seen(sara, 'inbox new');
});

walk('she opens it, takes it and starts processing it', async () => {
  await inboxList(sara).getByRole('link', { name: story.reference, exact: true }).click();
  await heading(sara, `Søknad ${story.reference}`);
  const main = plain(await mainText(sara));
  assert.ok(main.includes('Nødhjelp – søkeren har ikke mat eller et sted å sove i dag.'), `the case file says it is an emergency:\n${main}`);
  assert.ok(main.includes('Kjøleskapet er tomt.'), 'the answers as Kari sent them');
  assert.equal((await facts(section(sara, 'Mottatt'))).Saksbehandler, 'Ingen ennå', 'nobody has the case yet');
  await suite.seen(sara, 'case file');

  await act(sara, 'Ta saken', 'Saken er tildelt.');
  assert.equal((await facts(section(sara, 'Mottatt'))).Saksbehandler, 'Sara Lund', 'the case is hers');
  await suite.seen(sara, 'case file taken');

  await act(sara, 'Start behandlingen', 'Søknaden er under behandling. Søkeren ser det nå.');
  assert.ok(await section(sara, 'Under behandling').isVisible(), 'the status says it is being processed');
  assert.equal(await sara.getByRole('button', { name: 'Start behandlingen' }).count(), 0, 'it cannot be started twice');
});

walk('she writes an internal note', async () => {
  const notes = section(sara, 'Interne notater');
  await notes.getByLabel('Nytt notat').fill(story.note);
  await act(sara, 'Lagre notat', 'Notatet er lagret.');
  const journal = plain(await section(sara, 'Interne notater').innerText());
  assert.ok(journal.includes(`Sara Lund: ${story.note}`), `the note is in the journal with her name:\n${journal}`);
  assert.equal(await section(sara, 'Interne notater').getByLabel('Nytt notat').inputValue(), '', 'the note field is empty for the next note');
  await suite.seen(sara, 'case file with note');
});

walk('a request with no document chosen is refused at the list, keeping what she typed', async () => {
  const request = action(sara, 'Be om dokumenter');
  await request.locator('summary').click();
  const deadline = request.getByLabel('Frist');
  const expected = osloIsoDate(Date.now() + 7 * DAY);
  assert.equal(await deadline.inputValue(), expected, 'the deadline is 7 days from today unless she changes it');
  assert.equal(await request.getByLabel('Språk i brevet').inputValue(), 'nb', 'the letter is in bokmål, the language of her page');
  story.deadline = norwegianDate(expected);
  await request.getByLabel('Melding til søkeren (valgfritt)').fill(story.message);
  await request.getByRole('button', { name: 'Send forespørsel og brev' }).click();

  await heading(sara, `Søknad ${story.reference}`);
  assert.equal(suite.document(sara).status(), 422);
  assert.match(await sara.title(), /^Feil:/, 'the title says there is an error');
  assert.equal(await request.getAttribute('open'), '', 'the request form is open');
  const documents = request.getByRole('group', { name: 'Dokumenter søkeren skal sende' });
  const message = documents.locator('.ds-validation-message');
  assert.equal((await message.innerText()).trim(), 'Velg minst ett dokument, eller skriv hvilket dokument du trenger.', 'the message stands in the list of documents');
  const describedBy = (await documents.getAttribute('aria-describedby')).split(/\s+/);
  assert.ok(describedBy.includes(await message.getAttribute('id')), 'the list of documents is described by the message');
  assert.equal(await request.getByLabel('Melding til søkeren (valgfritt)').inputValue(), story.message, 'her message is kept');
  assert.equal(await request.getByLabel('Frist').inputValue(), expected, 'the deadline is kept');
  assert.equal(await sara.locator('.ds-alert[role="status"]').count(), 0, 'nothing is confirmed');

  // The page opens at the top, far from the form on a phone: a summary there says what is wrong
  // and takes her to the list.
  const summary = sara.getByRole('alert');
  assert.ok(await summary.getByRole('heading', { name: 'Rett opp dette før du går videre' }).isVisible());
  const link = summary.getByRole('link', { name: 'Velg minst ett dokument, eller skriv hvilket dokument du trenger.' });
  const first = documents.getByRole('checkbox').first();
  assert.equal(await link.getAttribute('href'), `#${await first.getAttribute('id')}`, 'the summary links to the list');
  assert.ok(await link.isVisible() && (await link.boundingBox()).y < 740, 'the summary is on the first screen');
  await suite.seen(sara, 'case file with error');
  await link.click();
  assert.equal(await sara.evaluate(() => document.activeElement?.getAttribute('name')), 'dokumenter', 'following the link puts her in the list');
});

walk('she asks for the rent contract with her message and the default deadline, and the page confirms', async () => {
  const request = action(sara, 'Be om dokumenter');
  await request.getByRole('group', { name: 'Dokumenter søkeren skal sende' }).getByRole('checkbox', { name: 'Husleiekontrakt', exact: true }).check();
  await act(sara, 'Send forespørsel og brev', 'Forespørselen og brevet er sendt. Søkeren ser dem nå.');
  const requests = plain(await section(sara, 'Dokumenter kontoret har bedt om').innerText());
  assert.ok(requests.includes(`Husleiekontrakt – ikke sendt ennå, frist ${story.deadline}`), `the request waits, with its deadline:\n${requests}`);
  const journal = plain(await section(sara, 'Interne notater').innerText());
  assert.ok(journal.includes('Sara Lund ba om: Husleiekontrakt.'), `the journal says who asked for what:\n${journal}`);
  assert.ok(await section(sara, 'Brev').getByRole('link', { name: 'Vi trenger flere dokumenter' }).isVisible(), 'the letter is on the case file');
  await suite.seen(sara, 'case file after request');
});

walk('the request letter is a PDF that names the document, the deadline and Sara', async () => {
  const href = await section(sara, 'Brev').getByRole('link', { name: 'Vi trenger flere dokumenter' }).getAttribute('href');
  const response = await sara.request.get(href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const pdf = await response.body();
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const file = path.join(suite.outDir, 'request-letter.pdf');
  await writeFile(file, pdf);

  const text = await pdfText(file);
  for (const words of ['Vi trenger flere dokumenter', 'Husleiekontrakt', story.deadline, 'Sara Lund', 'Kari Nordmann', story.reference, story.message]) {
    assert.ok(text.includes(words), `the letter reads "${words}":\n${text}`);
  }
  assert.ok(!text.includes(story.note), 'the internal note is not in the letter');

  const { stdout: info } = await run('pdfinfo', [file]);
  assert.match(info, /^Tagged:\s+yes$/m, 'the letter is a tagged PDF, for screen readers');

  // Page 1 as a picture, for a person to look at.
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(suite.outDir, 'request-letter')]);
  await access(path.join(suite.outDir, 'request-letter.png'));
});

walk('the inbox\'s filters and a search find the case where they should', async () => {
  await sara.getByRole('link', { name: 'Tilbake til søknadene' }).click();
  await heading(sara, 'Søknader til kontoret');
  const row = await facts(inboxCard(sara, story.reference));
  assert.equal(row.Saksbehandler, 'Sara Lund', 'the inbox shows who has it');
  assert.equal(row['Venter på'], `ett dokument, frist ${story.deadline}`, 'the inbox says it waits for a document');

  await filter(sara, 'Mine');
  assert.equal(await inboxCard(sara, story.reference).count(), 1, 'her case is among hers');
  await suite.seen(sara, 'inbox mine');

  await filter(sara, 'Nye');
  assert.equal(await inboxCard(sara, story.reference).count(), 0, 'being processed, it is no longer new');

  await filter(sara, 'Uten saksbehandler');
  assert.equal(await inboxCard(sara, story.reference).count(), 0, 'her case is no longer without a caseworker');
  assert.ok(!(await mainText(sara)).includes('Kontoret har ikke fått noen søknader ennå.'), 'a filter with no hits does not say the office has no applications');
  await suite.seen(sara, 'inbox unassigned');

  await filter(sara, 'Alle, også avsluttede');
  await sara.getByRole('searchbox', { name: 'Søk' }).fill('Nordmann');
  await sara.getByRole('button', { name: 'Søk', exact: true }).click();
  await heading(sara, 'Søknader til kontoret');
  assert.equal(await sara.getByRole('searchbox', { name: 'Søk' }).inputValue(), 'Nordmann', 'the search is kept in the field');
  const titles = await inboxList(sara).getByRole('heading').allInnerTexts();
  assert.ok(titles.length >= 2, `both of Kari's applications, the earlier decided one too:\n${titles.join('\n')}`);
  assert.ok(titles.every((t) => t.endsWith('Kari Nordmann')), `only Kari's applications:\n${titles.join('\n')}`);
  assert.match(titles[0], new RegExp(story.reference), 'the open emergency first');
  await suite.seen(sara, 'inbox search');
});

// ---------------------------------------------------------------- Kari on her own phone

walk('Kari signs in, opens the emergency application, sees the task (not the note) and reads the letter', async () => {
  await kari.goto('/logg-inn');
  await heading(kari, 'Logg inn');
  await kari.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await kari.waitForLoadState('load');
  await kari.getByRole('link', { name: 'Mine søknader', exact: true }).click();
  await heading(kari, 'Mine søknader');
  // Her applications: the one decided three weeks ago and the emergency the office now asks about.
  const waiting = kari.getByRole('listitem').filter({ hasText: 'Kontoret venter på dokumenter fra deg (1)' });
  assert.equal(await waiting.count(), 1, 'one application waits for documents from her');
  await suite.seen(kari, 'citizen applications');
  await waiting.getByRole('link').click();
  await heading(kari, 'Søknaden din');

  const main = plain(await mainText(kari));
  assert.ok(main.includes(`Referanse: ${story.reference}`), `it is the emergency application Sara works on:\n${main}`);
  assert.equal(await kari.locator('[aria-current="step"]').innerText(), 'Under behandling', 'she sees it is being processed');
  const tasks = section(kari, 'Dette må du gjøre');
  const task = plain(await tasks.innerText());
  assert.ok(task.includes(`Husleiekontrakt – send innen ${story.deadline}`), `the task names the document and the deadline:\n${task}`);
  const letter = section(kari, 'Brev fra kontoret').getByRole('link', { name: 'Vi trenger flere dokumenter (PDF)' });
  assert.ok(await letter.isVisible(), 'the letter is on her page');
  assert.ok(plain(await section(kari, 'Dette har skjedd').innerText()).includes('Kontoret ba om ett dokument.'), 'her timeline says the office asked for a document');
  assert.ok(!main.includes(story.note), 'the internal note is never shown to her');
  await suite.seen(kari, 'citizen case with task');
  // She reads the letter (the office learns that she has).
  const pdf = await kari.request.get(await letter.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
});

walk('she sends a photo of the contract through the task\'s link; the task disappears', async () => {
  await section(kari, 'Dette må du gjøre').getByRole('link', { name: 'Husleiekontrakt', exact: true }).click();
  await heading(kari, 'Send dokumenter');
  assert.ok((await mainText(kari)).includes(story.reference), 'the page says which application the document goes to');
  const fields = kari.locator('input[type="file"]');
  assert.equal(await fields.count(), 2, 'for the document asked for: the camera, and choosing files');
  assert.equal(await kari.getByLabel('Husleiekontrakt', { exact: true }).count(), 1, 'the field is for the rent contract');
  assert.equal(await kari.getByLabel('Ta bilde med kameraet – Husleiekontrakt').count(), 1, 'the camera field names the document too');
  await suite.seen(kari, 'citizen upload');

  await kari.getByLabel('Husleiekontrakt', { exact: true }).setInputFiles([{ name: 'kontrakt.png', mimeType: 'image/png', buffer: pagePhoto(300, 400, 1) }]);
  await kari.getByRole('button', { name: 'Send dokumentene' }).click();
  await heading(kari, 'Søknaden din');
  assert.equal(await section(kari, 'Dette må du gjøre').count(), 0, 'the task is gone');
  const sent = plain(await section(kari, 'Dette har du sendt').innerText());
  assert.match(sent, /Husleiekontrakt – sendt \d\d\.\d\d\.\d{4}/, `the page confirms what she sent:\n${sent}`);
  const documents = plain(await section(kari, 'Dokumenter du har sendt').innerText());
  assert.ok(documents.includes('Husleiekontrakt – sendt'), `the contract is among her documents:\n${documents}`);
  await suite.seen(kari, 'citizen case after sending');
});

// ---------------------------------------------------------------- Sara again

walk('Sara opens the case file again and sees the request answered', async () => {
  await inboxList(sara).getByRole('link', { name: story.reference, exact: true }).click();
  await heading(sara, `Søknad ${story.reference}`);
  const requests = plain(await section(sara, 'Dokumenter kontoret har bedt om').innerText());
  assert.match(requests, /Husleiekontrakt – sendt \d\d\.\d\d\.\d{4}/, `the request is answered:\n${requests}`);
  const documents = plain(await section(sara, 'Dokumenter søkeren har sendt').innerText());
  assert.ok(documents.includes('Husleiekontrakt – sendt senere'), `the contract is on the case file:\n${documents}`);
  const letters = plain(await section(sara, 'Brev').innerText());
  assert.ok(letters.includes('Søkeren åpnet det'), `she sees that Kari has read the letter:\n${letters}`);
  const timeline = plain(await section(sara, 'Dette har skjedd').innerText());
  for (const line of ['Kontoret ba om ett dokument.', 'Søkeren sendte ett dokument.']) {
    assert.ok(timeline.includes(line), `the timeline says "${line}":\n${timeline}`);
  }
  await suite.seen(sara, 'case file answered');
});

walk('the inbox no longer says the case waits for documents', async () => {
  await sara.getByRole('link', { name: 'Tilbake til søknadene' }).click();
  await heading(sara, 'Søknader til kontoret');
  const row = await facts(inboxCard(sara, story.reference));
  assert.equal(row['Venter på'], undefined, 'nothing to wait for');
  assert.equal(row.Status, 'Under behandling', 'it is being processed');
  await suite.seen(sara, 'inbox after answer');
});

// ---------------------------------------------------------------- accessibility

test('every page Sara and Kari saw passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  await suite.checkAccessibility(t);
  const names = suite.visited.map((v) => v.name);
  for (const must of ['inbox', 'inbox new', 'inbox mine', 'inbox unassigned', 'inbox search', 'case file', 'case file taken', 'case file with note', 'case file with error', 'case file after request', 'case file answered', 'citizen case with task', 'citizen upload', 'citizen case after sending']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});
