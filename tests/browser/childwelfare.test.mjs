// Child welfare in a real browser (Debian's Chromium through playwright-core), on phones with
// JavaScript off: issue 18's "Done when", walked as people would.
//
// A teacher (Kari Nordmann in the demo) signs in as a professional and reports her concern for a
// pupil; a neighbour reports a child in danger anonymously, without signing in, and sees the
// emergency numbers first. Bente Vik at Oslo's child-welfare service sees both at once, the acute
// one first; she records the urgency of the teacher's report, opens an investigation on it and
// makes the feedback letter for the teacher, and closes the neighbour's report with a reason — after
// one refused try without. A NAV caseworker (Sara Lund) gets 404 on every child-welfare page. Every
// page is checked with axe-core (WCAG 2.1 A and AA); screenshots and the PDFs' first pages as PNG
// are saved in tests/browser/out/childwelfare/.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/childwelfare.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { browserSuite, heading, mainText, walkthrough } from './lib.mjs';

const run = promisify(execFile);
const suite = browserSuite('childwelfare');
const walk = walkthrough();

let teacher;
let neighbour;
let bente;
let sara;

const story = { teacherRef: '', neighbourRef: '', teacherId: '', neighbourId: '' };
const REF = /BM-[0-9A-Z]{8}/;

before(async () => {
  teacher = await suite.open(await suite.phone());
  neighbour = await suite.open(await suite.phone());
  bente = await suite.open(await suite.phone());
  sara = await suite.open(await suite.phone());
});

const plain = (text) => text.replace(/[^\S\n]+/g, ' ');

/** The form refuses a send within three seconds of being drawn (a robot's pace). */
const pause = () => new Promise((r) => setTimeout(r, 3_200));

async function savePdf(page, href, name) {
  const response = await page.request.get(href);
  assert.equal(response.status(), 200, `${href} answers`);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const file = path.join(suite.outDir, `${name}.pdf`);
  await writeFile(file, await response.body());
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(suite.outDir, name)]);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return plain(stdout);
}

walk('the neighbour reports anonymously and sees the emergency numbers first', async () => {
  await neighbour.goto('/bekymring');
  await heading(neighbour, 'Meld bekymring for et barn');
  const main = await mainText(neighbour);
  assert.ok(main.indexOf('112') < main.indexOf('Kommunen der barnet bor'), 'the emergency number comes before the form');
  await suite.seen(neighbour, 'form');
  await neighbour.getByRole('group', { name: 'Er barnet i fare akkurat nå?' }).getByLabel('Ja').check();
  await neighbour.getByLabel('Kommunen der barnet bor').selectOption({ label: 'Oslo' });
  await neighbour.getByLabel('Barnets navn').fill('Ida');
  await neighbour.getByLabel('Hvor barnet bor eller kan finnes').fill('Storgata 12, 0184 Oslo');
  await neighbour.getByLabel('Hva har du sett eller hørt?').fill('Jeg hører roping og gråt fra leiligheten hver kveld, og i går smalt det.');
  await neighbour.getByLabel('Akutt – i dag').check();
  await neighbour.getByLabel('Jeg vil være anonym').check();
  await pause();
  await neighbour.getByRole('button', { name: 'Send bekymringsmeldingen' }).click();
  await heading(neighbour, 'Bekymringsmeldingen er mottatt');
  const receipt = await mainText(neighbour);
  assert.ok(receipt.includes('116 111'), 'the child is in danger: the numbers again');
  story.neighbourRef = receipt.match(REF)?.[0];
  assert.ok(story.neighbourRef, receipt);
  await suite.seen(neighbour, 'receipt anonymous');
});

walk('the teacher signs in as a professional, first forgets her role, then reports', async () => {
  await teacher.goto('/bekymring');
  await teacher.getByRole('link', { name: 'Logg inn og meld som fagperson' }).click();
  await suite.seen(teacher, 'form professional sign-in');
  await teacher.getByRole('link', { name: 'Logg inn for å melde som fagperson' }).click();
  await teacher.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await heading(teacher, 'Meld bekymring for et barn');
  assert.ok((await mainText(teacher)).includes('Du melder som fagperson: Kari Nordmann'));
  await teacher.getByRole('group', { name: 'Er barnet i fare akkurat nå?' }).getByLabel('Nei').check();
  await teacher.getByLabel('Kommunen der barnet bor').selectOption({ label: 'Oslo' });
  await teacher.getByLabel('Barnets navn').fill('Emil Nordmann');
  await teacher.getByLabel('Fødselsdato').fill('01.05.2016');
  await teacher.getByLabel('Hvor barnet bor eller kan finnes').fill('Fjell skole, 4B');
  await teacher.getByLabel('Hva har du sett eller hørt?').fill('Emil kommer ofte sulten og har hatt blåmerker tre ganger denne måneden.');
  await teacher.getByLabel('Snart – i løpet av noen dager').check();
  await pause();
  await teacher.getByRole('button', { name: 'Send bekymringsmeldingen' }).click();
  await heading(teacher, 'Meld bekymring for et barn');
  assert.match(await teacher.title(), /^Feil/, 'the title says there are errors');
  assert.ok((await mainText(teacher)).includes('Skriv rollen din.'), 'the missing role is said');
  assert.equal(await teacher.getByLabel('Barnets navn').inputValue(), 'Emil Nordmann', 'what she typed is kept');
  await suite.seen(teacher, 'form professional refused');
  await teacher.getByLabel('Din rolle').fill('Kontaktlærer');
  await teacher.getByLabel('Arbeidssted').fill('Fjell skole');
  await teacher.getByRole('button', { name: 'Send bekymringsmeldingen' }).click();
  await heading(teacher, 'Bekymringsmeldingen er mottatt');
  const receipt = await mainText(teacher);
  story.teacherRef = receipt.match(REF)?.[0];
  assert.ok(receipt.includes('innen tre uker'), 'she is told about the feedback');
  await suite.seen(teacher, 'receipt professional');
  const text = await savePdf(teacher, '/bekymring/kvittering.pdf', 'receipt');
  assert.ok(text.includes(story.teacherRef) && text.includes('Kontaktlærer, Fjell skole'), text);
});

walk('the child-welfare caseworker sees both at once, the acute one first', async () => {
  await bente.goto('/ansatt');
  await bente.getByRole('button', { name: 'Logg inn som Bente Vik' }).click();
  await bente.getByRole('link', { name: 'Bekymringsmeldinger (barnevern)' }).click();
  await heading(bente, 'Bekymringsmeldinger');
  const links = bente.locator('main li h2 a');
  assert.equal(await links.count(), 2);
  assert.ok((await links.nth(0).innerText()).includes(story.neighbourRef), 'the acute report first');
  assert.ok((await links.nth(1).innerText()).includes(story.teacherRef));
  story.neighbourId = (await links.nth(0).getAttribute('href')).split('/').pop();
  story.teacherId = (await links.nth(1).getAttribute('href')).split('/').pop();
  const main = await mainText(bente);
  assert.ok(main.includes('Akutt') && main.includes('dager igjen'), main);
  await suite.seen(bente, 'list');
});

walk('she records urgency on the teacher\'s report, opens an investigation and makes the feedback letter', async () => {
  await bente.goto(`/ansatt/barnevern/${story.teacherId}`);
  await heading(bente, `Bekymringsmelding ${story.teacherRef}`);
  await suite.seen(bente, 'report');
  const urgency = bente.getByRole('region', { name: 'Vurder hastegrad' });
  await urgency.getByLabel('Snart – i løpet av noen dager').check();
  await urgency.getByLabel('Begrunnelse').fill('Skolen følger med daglig; ingen akutt fare.');
  await urgency.getByRole('button', { name: 'Lagre hastegrad' }).click();
  await heading(bente, `Bekymringsmelding ${story.teacherRef}`);
  assert.ok((await mainText(bente)).includes('Hastegraden er lagret.'));
  const investigate = bente.getByRole('region', { name: 'Start undersøkelse' });
  await investigate.getByLabel('Begrunnelse').fill('Gjentatte blåmerker og sult.');
  await investigate.getByRole('button', { name: 'Start undersøkelse' }).click();
  await heading(bente, `Bekymringsmelding ${story.teacherRef}`);
  const main = await mainText(bente);
  assert.ok(main.includes('Undersøkelsen er startet.') && main.includes('Undersøkelse (3 måneder)'), main);
  await bente.getByRole('button', { name: 'Lag og send tilbakemeldingen' }).click();
  await heading(bente, `Bekymringsmelding ${story.teacherRef}`);
  await suite.seen(bente, 'report investigating');
  const href = await bente.getByRole('link', { name: /Tilbakemelding til melder/ }).getAttribute('href');
  const text = await savePdf(bente, href, 'feedback');
  assert.ok(text.includes('Vi har startet en undersøkelse') && !text.includes('blåmerker'), text);
});

walk('she closes the neighbour\'s report with a reason, after one try without', async () => {
  await bente.goto(`/ansatt/barnevern/${story.neighbourId}`);
  await heading(bente, `Bekymringsmelding ${story.neighbourRef}`);
  const close = bente.getByRole('region', { name: 'Avslutt (henlegg)' });
  await close.getByRole('button', { name: 'Avslutt meldingen' }).click();
  await heading(bente, `Bekymringsmelding ${story.neighbourRef}`);
  assert.match(await bente.title(), /^Feil/);
  assert.ok((await mainText(bente)).includes('Skriv en begrunnelse.'));
  await suite.seen(bente, 'report close refused');
  await bente.getByRole('region', { name: 'Avslutt (henlegg)' }).getByLabel('Begrunnelse').fill('Politiet var på stedet samme kveld; familien følges opp av helsestasjonen.');
  await bente.getByRole('region', { name: 'Avslutt (henlegg)' }).getByRole('button', { name: 'Avslutt meldingen' }).click();
  await heading(bente, `Bekymringsmelding ${story.neighbourRef}`);
  assert.ok((await mainText(bente)).includes('Meldingen er avsluttet.'));
  await suite.seen(bente, 'report closed');
});

walk('the form and the report page read in nynorsk and English too', async () => {
  await neighbour.goto('/bekymring?lang=nn');
  await heading(neighbour, 'Meld uro for eit barn');
  await suite.seen(neighbour, 'form nn');
  await neighbour.goto('/bekymring?lang=en');
  await heading(neighbour, 'Report concern for a child');
  await suite.seen(neighbour, 'form en');
  await bente.goto(`/ansatt/barnevern/${story.teacherId}?lang=en`);
  await heading(bente, `Concern report ${story.teacherRef}`);
  await suite.seen(bente, 'report en');
  await bente.goto(`/ansatt/barnevern?lang=nn`);
  await heading(bente, 'Bekymringsmeldingar');
  await suite.seen(bente, 'list nn');
});

walk('a NAV caseworker gets 404 on every child-welfare page', async () => {
  await sara.goto('/ansatt');
  await sara.getByRole('button', { name: 'Logg inn som Sara Lund' }).click();
  for (const href of ['/ansatt/barnevern', `/ansatt/barnevern/${story.teacherId}`, `/ansatt/barnevern/${story.teacherId}/filer/0`]) {
    const response = await sara.goto(href);
    assert.equal(response.status(), 404, href);
    assert.ok(!(await mainText(sara)).includes('Emil'), href);
  }
  await suite.seen(sara, 'nav 404');
});

test('every page passes axe (WCAG 2.1 A and AA)', { timeout: 120_000 }, async (t) => {
  await suite.checkAccessibility(t);
});
