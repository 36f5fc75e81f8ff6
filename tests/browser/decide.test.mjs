// Workspace II in a real browser (Debian's Chromium through playwright-core), on phones with
// JavaScript off: issue 14's path, walked as people would.
//
// Sara Lund (caseworker, NAV Frogner) takes Kari Nordmann's emergency application, calculates her
// assistance — after one refused try — and sends a decision for approval. Berit Solberg (beslutter)
// finds it under "awaiting my approval" and returns it with a comment; Sara finds it under
// "returned to me", changes it and sends it again; Berit approves it. Sara marks the payment paid.
// Kari sees the decision, its letter and the payment on her page; she appeals (after one empty try),
// and Sara keeps the decision and sends the appeal on to the county governor with a cover letter Kari
// can read. Every page is checked with
// axe-core (WCAG 2.1 A and AA) and for sideways scrolling at 360 px; full-page screenshots are saved
// in tests/browser/out/decide/.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/decide.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, heading, mainText, REFERENCE, walkthrough } from './lib.mjs';

const suite = browserSuite('decide');
const walk = walkthrough();

let sara;
let berit;
let kari;

const story = {
  reference: '',
  id: '', // the application's id, from the address of Sara's page
  comment: 'Skriv i begrunnelsen hvilke satser du har brukt.',
  appeal: 'Husleien min er høyere enn det dere har regnet med. Kontrakten viser 9 800 kroner.',
};

before(async () => {
  sara = await suite.open(await suite.phone());
  berit = await suite.open(await suite.phone());
  kari = await suite.open(await suite.phone());
});

/** Text with every run of spaces (also no-break spaces) as one plain space. */
const plain = (text) => text.replace(/[^\S\n]+/g, ' ');

const section = (page, name) => page.getByRole('region', { name, exact: true });

/** Signs a demo staff member in. */
async function signIn(page, name) {
  await page.goto('/ansatt');
  await heading(page, 'Demoinnlogging for ansatte');
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  await heading(page, 'Velferd for ansatte');
}

/** Opens the decision page of the case by way of the inbox filter `filter`. */
async function openFromInbox(page, filter) {
  await page.goto('/ansatt/saker');
  await page.getByRole('navigation', { name: 'Vis søknader' }).getByRole('link', { name: filter, exact: true }).click();
  await heading(page, 'Søknader til kontoret');
  await page.getByRole('link', { name: story.reference, exact: true }).click();
  await heading(page, `Søknad ${story.reference}`);
  await page.getByRole('link', { name: 'Gå til utregning og vedtak' }).click();
  await heading(page, `Utregning og vedtak ${story.reference}`);
}

/** The confirmation on the decision page. */
async function confirmed(page, text) {
  await heading(page, `Utregning og vedtak ${story.reference}`);
  assert.equal((await page.locator('.ds-alert[role="status"]').innerText()).trim(), text);
}

walk('Sara takes Kari\'s emergency and opens the calculation and decision', async () => {
  await signIn(sara, 'Sara Lund');
  await sara.goto('/ansatt/saker');
  const first = sara.getByRole('list', { name: 'Søknader, nødhjelp først' }).getByRole('listitem').first();
  story.reference = (await first.getByRole('heading').innerText()).match(REFERENCE)?.[0];
  assert.ok(story.reference, 'the first row has a reference');
  await first.getByRole('link', { name: story.reference, exact: true }).click();
  await heading(sara, `Søknad ${story.reference}`);
  await sara.getByRole('button', { name: 'Ta saken', exact: true }).click();
  await heading(sara, `Søknad ${story.reference}`);
  await sara.getByRole('button', { name: 'Start behandlingen', exact: true }).click();
  await heading(sara, `Søknad ${story.reference}`);
  await sara.getByRole('link', { name: 'Gå til utregning og vedtak' }).click();
  await heading(sara, `Utregning og vedtak ${story.reference}`);
  story.id = sara.url().match(/\/ansatt\/saker\/([0-9a-z]+)\/vedtak/)[1];
  assert.ok((await mainText(sara)).includes('Det er ikke regnet ut noe ennå.'));
  await suite.seen(sara, 'decision page');
});

walk('a calculation with an amount in words is refused at the expenses, keeping what she typed', async () => {
  await sara.locator('#f-voksne').selectOption('enslig');
  await sara.locator('#f-utgift-art-0').selectOption('bolig');
  await sara.locator('#f-utgift-tekst-0').fill('Husleie Storgata 12');
  await sara.locator('#f-utgift-belop-0').fill('ni tusen');
  await sara.getByRole('button', { name: 'Lagre utregningen' }).click();
  await heading(sara, `Utregning og vedtak ${story.reference}`);
  assert.equal(suite.document(sara).status(), 422);
  assert.match(await sara.title(), /^Feil:/);
  const expenses = sara.getByRole('group', { name: 'Godkjente utgifter per måned' });
  assert.ok((await expenses.locator('.ds-validation-message').innerText()).includes('Skriv beløpet med tall'), 'the message stands at the expenses');
  assert.equal(await sara.locator('#f-utgift-belop-0').inputValue(), 'ni tusen', 'what she typed is kept');
  assert.equal(await sara.locator('#f-utgift-tekst-0').inputValue(), 'Husleie Storgata 12');
  await suite.seen(sara, 'calculation with error');
});

walk('she saves the calculation and sees it line by line with the proposal', async () => {
  await sara.locator('#f-utgift-belop-0').fill('9 500');
  await sara.getByRole('button', { name: 'Lagre utregningen' }).click();
  await confirmed(sara, 'Utregningen er lagret.');
  const calc = plain(await section(sara, 'Utregning').innerText());
  for (const line of ['Livsopphold, enslig', 'Boutgift: Husleie Storgata 12', 'Foreslått stønad']) {
    assert.ok(calc.includes(line), `the calculation shows "${line}":\n${calc}`);
  }
  await suite.seen(sara, 'calculation saved');
});

walk('she writes the decision and sends it for approval', async () => {
  assert.ok((await sara.locator('#f-u-belop-0').inputValue()).length > 0, 'the payment starts from the calculated amount');
  assert.ok(await sara.getByRole('checkbox', { name: /sosialtjenesteloven § 18/ }).isChecked(), '§ 18 is chosen');
  await sara.locator('#f-sak-tittel').fill('Livsopphold og husleie');
  await sara.locator('#f-vedtak-begrunnelse').fill('Du har ikke inntekt denne måneden.');
  await sara.getByRole('button', { name: 'Send til godkjenning' }).click();
  await confirmed(sara, 'Vedtaket er sendt til godkjenning. Det går til søkeren når en beslutter har godkjent det.');
  assert.ok((await mainText(sara)).includes('Venter på godkjenning'));
  assert.equal(await sara.getByRole('button', { name: 'Godkjenn og fatt vedtaket' }).count(), 0, 'she cannot approve her own');
  await suite.seen(sara, 'decision sent');
});

walk('Berit finds it awaiting her approval and returns it with a comment', async () => {
  await signIn(berit, 'Berit Solberg');
  await openFromInbox(berit, 'Til godkjenning hos meg');
  const main = plain(await mainText(berit));
  assert.ok(main.includes('Foreslått stønad') && main.includes('Du har ikke inntekt denne måneden.'), 'she sees the calculation and the draft');
  await suite.seen(berit, 'beslutter view');
  await berit.getByLabel('Kommentar til den som skrev vedtaket').fill(story.comment);
  await berit.getByRole('button', { name: 'Send tilbake' }).click();
  await confirmed(berit, 'Vedtaket er sendt tilbake med kommentaren din.');
});

walk('Sara finds it returned to her, changes it and sends it again', async () => {
  await openFromInbox(sara, 'Returnert til meg');
  assert.ok((await mainText(sara)).includes(`Sendt tilbake til deg: ${story.comment}`));
  await suite.seen(sara, 'decision returned');
  await sara.locator('#f-vedtak-begrunnelse').fill('Du har ikke inntekt denne måneden. Vi har brukt statens veiledende satser.');
  await sara.getByRole('button', { name: 'Send til godkjenning' }).click();
  await confirmed(sara, 'Vedtaket er sendt til godkjenning. Det går til søkeren når en beslutter har godkjent det.');
});

walk('Berit approves it; Sara marks the payment paid', async () => {
  await openFromInbox(berit, 'Til godkjenning hos meg');
  await berit.getByRole('button', { name: 'Godkjenn og fatt vedtaket' }).click();
  await confirmed(berit, 'Vedtaket er godkjent og sendt til søkeren.');
  await suite.seen(berit, 'decision approved');
  // The application is finished now; its case file still leads to the decision and its payments.
  await sara.goto(`/ansatt/saker/${story.id}`);
  await heading(sara, `Søknad ${story.reference}`);
  const summary = plain(await section(sara, 'Utregning, vedtak og utbetalinger').innerText());
  assert.ok(summary.includes('Vedtak 1: Vedtatt'), `the case file says where the decision stands:\n${summary}`);
  await sara.getByRole('link', { name: 'Gå til utregning og vedtak' }).click();
  await heading(sara, `Utregning og vedtak ${story.reference}`);
  await sara.getByRole('button', { name: 'Marker som utbetalt' }).first().click();
  await confirmed(sara, 'Utbetalingen er markert som utbetalt.');
  assert.ok(plain(await section(sara, 'Utbetalinger').innerText()).includes('Utbetalt'));
  await suite.seen(sara, 'payment paid');
});

walk('Kari sees the decision, its letter and the payment on her page', async () => {
  await kari.goto('/logg-inn');
  await heading(kari, 'Logg inn');
  await kari.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await kari.waitForLoadState('load');
  await kari.goto(`/mine-soknader/${story.id}`);
  await heading(kari, 'Søknaden din');
  assert.ok((await mainText(kari)).includes(story.reference), 'her application');
  const decisions = plain(await section(kari, 'Vedtak').innerText());
  assert.ok(decisions.includes('Livsopphold og husleie: innvilget'), `the decision:\n${decisions}`);
  const timeline = plain(await section(kari, 'Dette har skjedd').innerText());
  assert.match(timeline, /kr ble utbetalt\./, `the payment, paid:\n${timeline}`);
  const letter = section(kari, 'Vedtak').getByRole('link', { name: 'Les vedtaket (PDF)' });
  const pdf = await kari.request.get(await letter.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  await suite.seen(kari, 'citizen decided');
});

walk('Kari appeals the decision, after one empty try', async () => {
  const appeals = section(kari, 'Klage');
  assert.match(plain(await appeals.innerText()), /Du kan klage innen \d\d\.\d\d\.\d{4}\./, 'her page gives the deadline');
  await appeals.getByRole('link', { name: 'Klag på vedtaket' }).click();
  await heading(kari, 'Klag på vedtaket');
  await suite.seen(kari, 'appeal form');
  await kari.getByRole('button', { name: 'Send klagen' }).click();
  await heading(kari, 'Klag på vedtaket');
  assert.ok((await mainText(kari)).includes('Skriv hva du er uenig i.'), 'an empty appeal is refused with a reason');
  await suite.seen(kari, 'appeal refused');
  await kari.getByLabel('Hva er du uenig i, og hvorfor?').fill(story.appeal);
  await kari.getByRole('button', { name: 'Send klagen' }).click();
  await heading(kari, 'Søknaden din');
  const after = plain(await section(kari, 'Klage').innerText());
  assert.ok(after.includes('Klagen er mottatt.') && after.includes('Klagen kom innen fristen'), `received, in time:\n${after}`);
  await suite.seen(kari, 'appeal received');
});

walk('Sara keeps the decision and sends the appeal to the county governor; Kari sees it and the letter', async () => {
  await sara.goto('/ansatt/klager');
  await heading(sara, 'Klager');
  await sara.getByRole('link', { name: story.reference, exact: true }).click();
  await heading(sara, `Klager i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes(story.appeal), 'she reads Kari\'s words');
  await suite.seen(sara, 'appeals of a case');
  await sara.getByRole('button', { name: 'Ta klagen under behandling' }).click();
  await heading(sara, `Klager i sak ${story.reference}`);
  await sara.getByLabel('Kontorets vurdering').fill('Satsene er brukt som kommunen har bestemt.');
  await sara.getByRole('button', { name: 'Oppretthold og send til Statsforvalteren' }).click();
  await heading(sara, `Klager i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes('Klagen er sendt til Statsforvalteren, med oversendelsesbrev.'));
  await suite.seen(sara, 'appeal forwarded');

  await kari.goto(`/mine-soknader/${story.id}`);
  await heading(kari, 'Søknaden din');
  const appeal = plain(await section(kari, 'Klage').innerText());
  assert.ok(appeal.includes('Kontoret behandler klagen') && appeal.includes('Klagen er sendt til Statsforvalteren, som avgjør den'), `each step:\n${appeal}`);
  const letter = section(kari, 'Brev fra kontoret').getByRole('link', { name: /Oversendelse av klage til Statsforvalteren/ });
  const pdf = await kari.request.get(await letter.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  await suite.seen(kari, 'citizen appeal forwarded');
});

test('every page of the decision path passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  await suite.checkAccessibility(t);
  const names = suite.visited.map((v) => v.name);
  for (const must of ['decision page', 'calculation with error', 'calculation saved', 'decision sent', 'beslutter view', 'decision returned', 'decision approved', 'payment paid', 'citizen decided', 'appeal form', 'appeal refused', 'appeal received', 'appeals of a case', 'appeal forwarded', 'citizen appeal forwarded']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});
