// The conversation between a person and the office, and notifications, in a real browser (Debian's
// Chromium through playwright-core) on a phone with JavaScript off: issue 16's "writing and
// answering", walked as people would.
//
// Kari Nordmann writes to NAV Frogner from her application's page — after one empty try, which is
// refused next to the field — with a photo of a bill (a text file first, refused with the reason
// at the file field and her text kept), and is told when to expect an answer. She chooses e-mail
// notices on /varsler. Sara Lund finds the message among those waiting for an answer, with its due
// date, opens the photo as PDF, saves a reply template for the office, starts her answer from it and
// sends it; she gives the conversation to Henrik Moe, and the shared list shows it as his. Kari
// reads the answer, signed with Sara's name and office, and downloads her copy of the whole case;
// Sara downloads the office's archive copy. Kari lets Ola Hansen read and write the messages for
// her (a power of attorney that covers them), and he writes on her behalf. Every page is checked with axe-core (WCAG 2.1 A and
// AA), and screenshots are saved in tests/browser/out/dialogue/.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/dialogue.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, heading, mainText, pagePhoto, REFERENCE, walkthrough } from './lib.mjs';

const suite = browserSuite('dialogue');
const walk = walkthrough();

let kari;
let sara;

const story = {
  reference: '',
  question: 'Hei! Jeg lurer på når jeg kan få svar.\nHusleien forfaller fredag.',
  answer: 'Hei Kari. Vi ser på søknaden din i dag og ringer deg før kl. 15.',
  conversation: '', // the address of Sara's conversation page
};

before(async () => {
  kari = await suite.open(await suite.phone());
  sara = await suite.open(await suite.phone());
});

/** Text with every run of spaces (also no-break spaces) as one plain space. */
const plain = (text) => text.replace(/[^\S\n]+/g, ' ');

/** The next date (YYYY-MM-DD, Oslo) at least three days ahead that falls on `weekday` (1 Monday … 7 Sunday). */
function nextWeekday(weekday) {
  const day = 24 * 60 * 60 * 1000;
  for (let t = Date.now() + 3 * day; ; t += day) {
    const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    const wd = new Date(`${iso}T12:00:00Z`).getUTCDay() || 7;
    if (wd === weekday && !['12-24', '12-25', '12-26', '12-31', '01-01'].includes(iso.slice(5))) return iso;
  }
}

/** A section of a page, by its heading. */
const section = (page, name) => page.getByRole('region', { name, exact: true });

walk('Kari opens her application and writes to the office, after one empty try', async () => {
  await kari.goto('/logg-inn');
  await heading(kari, 'Logg inn');
  await kari.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await kari.waitForLoadState('load');
  await kari.getByRole('link', { name: 'Mine søknader', exact: true }).click();
  await heading(kari, 'Mine søknader');
  await kari.getByRole('listitem').filter({ hasText: 'Mottatt' }).first().getByRole('link').first().click();
  await heading(kari, 'Søknaden din');
  story.reference = (await mainText(kari)).match(REFERENCE)?.[0];
  assert.ok(story.reference, 'the page shows the reference');
  const conversation = section(kari, 'Skriv til kontoret');
  assert.ok((await conversation.innerText()).includes('Du har ikke skrevet til kontoret'), 'nothing written yet');

  await conversation.getByRole('button', { name: 'Send melding' }).click();
  await heading(kari, 'Søknaden din');
  const field = kari.getByLabel('Din melding');
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the empty field is marked');
  assert.ok((await section(kari, 'Skriv til kontoret').innerText()).includes('Skriv en melding før du sender.'), 'the reason is next to the field');
  await suite.seen(kari, 'citizen message refused');

  // A file that is no picture: refused at the file field, her text kept.
  await kari.getByLabel('Din melding').fill(story.question);
  await kari.getByLabel('Legg ved bilder eller PDF (frivillig)').setInputFiles([{ name: 'regning.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') }]);
  await section(kari, 'Skriv til kontoret').getByRole('button', { name: 'Send melding' }).click();
  await heading(kari, 'Søknaden din');
  const files = kari.getByLabel('Legg ved bilder eller PDF (frivillig)');
  assert.equal(await files.getAttribute('aria-invalid'), 'true', 'the file field is marked');
  const refusedFile = plain(await section(kari, 'Skriv til kontoret').innerText());
  assert.ok(refusedFile.includes('regning.png') && refusedFile.includes('Velg filene på nytt.'), `the reason at the field:\n${refusedFile}`);
  assert.equal(await kari.getByLabel('Din melding').inputValue(), story.question, 'her text is kept');
  await suite.seen(kari, 'citizen message file refused');

  await kari.getByLabel('Legg ved bilder eller PDF (frivillig)').setInputFiles([{ name: 'regning.png', mimeType: 'image/png', buffer: pagePhoto(300, 400, 1) }]);
  await section(kari, 'Skriv til kontoret').getByRole('button', { name: 'Send melding' }).click();
  await heading(kari, 'Søknaden din');
  const after = plain(await section(kari, 'Skriv til kontoret').innerText());
  assert.ok(after.includes('Meldingen er sendt.'), `confirmed:\n${after}`);
  assert.ok(after.includes('Vedlegg: regning.png'), `the photo is with the message:\n${after}`);
  assert.match(after, /Du får vanligvis svar innen \d\d\.\d\d\.\d{4}\./, 'with the date the office answers by');
  assert.ok(after.includes('Husleien forfaller fredag.'), 'her message is shown');
  assert.ok(plain(await section(kari, 'Dette har skjedd').innerText()).includes('Du skrev til kontoret.'), 'and is in her timeline');
  await suite.seen(kari, 'citizen message sent');
});

walk('she chooses e-mail notices on /varsler', async () => {
  await kari.goto('/mine-soknader');
  await kari.getByRole('link', { name: 'Velg hvordan du vil bli varslet' }).click();
  await heading(kari, 'Varsler på SMS og e-post');
  assert.ok((await mainText(kari)).includes('Varselet sier aldri hva det gjelder'), 'she is told notices carry no content');
  await suite.seen(kari, 'notices');
  await kari.getByLabel('Send e-post').check();
  await kari.getByLabel('E-postadresse').fill('kari@eksempel');
  await kari.getByRole('button', { name: 'Lagre' }).click();
  await heading(kari, 'Varsler på SMS og e-post');
  assert.equal(await kari.getByLabel('E-postadresse').inputValue(), 'kari@eksempel', 'what she typed is kept');
  assert.ok((await mainText(kari)).includes('Skriv en e-postadresse som ligner navn@eksempel.no.'), 'the reason is given');
  await suite.seen(kari, 'notices refused');
  await kari.getByLabel('E-postadresse').fill('kari@eksempel.no');
  await kari.getByRole('button', { name: 'Lagre' }).click();
  await heading(kari, 'Varsler på SMS og e-post');
  assert.ok((await mainText(kari)).includes('Valgene dine er lagret.'));
  await suite.seen(kari, 'notices saved');
});

walk('Sara finds the message waiting, with its due date, and answers it', async () => {
  await sara.goto('/ansatt');
  await heading(sara, 'Demoinnlogging for ansatte');
  await sara.getByRole('button', { name: 'Logg inn som Sara Lund' }).click();
  await heading(sara, 'Velferd for ansatte');
  await sara.getByRole('link', { name: 'Meldinger som venter på svar' }).click();
  await heading(sara, 'Meldinger som venter på svar');
  const card = sara.getByRole('listitem').filter({ has: sara.getByRole('link', { name: story.reference, exact: true }) });
  assert.equal(await card.count(), 1, 'Kari\'s message waits');
  assert.match(plain(await card.innerText()), /Svar innen \d\d\.\d\d\.\d{4}/, 'with the date it must be answered by');
  await suite.seen(sara, 'staff messages');

  await card.getByRole('link', { name: story.reference, exact: true }).click();
  await heading(sara, `Meldinger i sak ${story.reference}`);
  story.conversation = new URL(sara.url()).pathname;
  assert.ok((await mainText(sara)).includes('Husleien forfaller fredag.'), 'she reads the message');
  const photo = await sara.request.get(await sara.getByRole('link', { name: 'Vedlegg: regning.png' }).getAttribute('href'));
  assert.equal(photo.status(), 200);
  assert.equal(photo.headers()['content-type'], 'application/pdf', 'the photo opens as PDF');
  await suite.seen(sara, 'staff conversation');

  // A reply template for the office, refused once without a title.
  await sara.getByRole('link', { name: 'Svarmaler' }).click();
  await heading(sara, 'Svarmaler');
  await suite.seen(sara, 'reply templates');
  await sara.getByLabel('Tekst', { exact: true }).fill('Hei! Vi ser på søknaden din i dag.');
  await sara.getByRole('button', { name: 'Lagre svarmalen' }).click();
  await heading(sara, 'Svarmaler');
  assert.ok((await mainText(sara)).includes('Gi malen en tittel.'), 'the title is asked for');
  assert.equal(await sara.getByLabel('Tekst', { exact: true }).inputValue(), 'Hei! Vi ser på søknaden din i dag.', 'the text is kept');
  await suite.seen(sara, 'reply templates refused');
  await sara.getByLabel('Tittel').fill('Ser på søknaden i dag');
  await sara.getByRole('button', { name: 'Lagre svarmalen' }).click();
  await heading(sara, 'Svarmaler');
  assert.ok((await mainText(sara)).includes('Svarmalen er lagret.'));
  await suite.seen(sara, 'reply templates saved');
  await sara.goto(story.conversation);
  await heading(sara, `Meldinger i sak ${story.reference}`);
  await sara.getByLabel('Start fra en svarmal').selectOption({ label: 'Ser på søknaden i dag' });
  await sara.getByRole('button', { name: 'Bruk malen' }).click();
  await heading(sara, `Meldinger i sak ${story.reference}`);
  assert.equal(await sara.getByLabel('Svar', { exact: true }).inputValue(), 'Hei! Vi ser på søknaden din i dag.', 'the template fills the answer');
  await suite.seen(sara, 'staff conversation from template');
  await sara.getByLabel('Svar', { exact: true }).fill('');
  await sara.getByRole('button', { name: 'Send svar' }).click();
  await heading(sara, `Meldinger i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes('Skriv en melding før du sender.'), 'an empty answer is refused');
  await suite.seen(sara, 'staff conversation refused');
  await sara.getByLabel('Svar', { exact: true }).fill(story.answer);
  await sara.getByRole('button', { name: 'Send svar' }).click();
  await heading(sara, `Meldinger i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes('Svaret er sendt.'));
  await suite.seen(sara, 'staff conversation answered');
  await sara.getByRole('link', { name: 'Meldinger som venter på svar' }).click();
  assert.equal(await sara.getByRole('link', { name: story.reference, exact: true }).count(), 0, 'answered, it leaves the list');
});

walk('Sara gives the conversation to Henrik; the shared list shows it as his when Kari writes again', async () => {
  await sara.goto(story.conversation);
  await sara.getByLabel('Gi samtalen til en kollega').selectOption({ label: 'Henrik Moe' });
  await sara.getByRole('button', { name: 'Fordel samtalen' }).click();
  await heading(sara, `Meldinger i sak ${story.reference}`);
  const text = plain(await mainText(sara));
  assert.ok(text.includes('Samtalen er fordelt.') && text.includes('Fordelt til Henrik Moe'), `routed:\n${text}`);
  await suite.seen(sara, 'staff conversation routed');
});

walk('Kari reads the answer, signed with Sara\'s name and office', async () => {
  await kari.goto('/mine-soknader');
  await kari.getByRole('listitem').filter({ hasText: 'Mottatt' }).first().getByRole('link').first().click();
  await heading(kari, 'Søknaden din');
  const conversation = plain(await section(kari, 'Skriv til kontoret').innerText());
  assert.ok(conversation.includes(story.answer), `the answer is there:\n${conversation}`);
  assert.ok(conversation.includes('Sara Lund, NAV Frogner'), 'signed with the caseworker and the office');
  await suite.seen(kari, 'citizen conversation');
  const own = await kari.request.get(await kari.getByRole('link', { name: 'Hele saken din som PDF' }).getAttribute('href'));
  assert.equal(own.status(), 200);
  assert.equal(own.headers()['content-type'], 'application/pdf', 'her copy of the whole case');

  await kari.getByLabel('Din melding').fill('Takk! Jeg venter på telefonen.');
  await section(kari, 'Skriv til kontoret').getByRole('button', { name: 'Send melding' }).click();
  await heading(kari, 'Søknaden din');
  await sara.goto('/ansatt/meldinger');
  const card = sara.getByRole('listitem').filter({ has: sara.getByRole('link', { name: story.reference, exact: true }) });
  assert.ok(plain(await card.innerText()).includes('Fordelt til Henrik Moe'), 'the shared list shows whose it is');
  await suite.seen(sara, 'staff messages routed');
  await sara.goto(story.conversation);
  await sara.getByRole('link', { name: 'Tilbake til saken' }).click();
  const archive = await sara.request.get(await sara.getByRole('link', { name: 'Hele saken som PDF (arkivkopi)' }).getAttribute('href'));
  assert.equal(archive.status(), 200);
  assert.equal(archive.headers()['content-type'], 'application/pdf', 'the office\'s archive copy');
});

walk('Kari lets Ola Hansen read and write the messages for her; he writes on her behalf', async () => {
  const ola = await suite.open(await suite.phone());
  await ola.goto('/logg-inn');
  const html = await ola.content();
  const olaFnr = html.match(/name="fnr" value="(\d{11})">\s*<button[^>]*>Logg inn som Ola Hansen</)?.[1];
  assert.ok(olaFnr, 'Ola is a demo person');

  await kari.goto('/mine-soknader');
  await kari.getByRole('listitem').filter({ hasText: 'Mottatt' }).first().getByRole('link').first().click();
  await heading(kari, 'Søknaden din');
  await kari.getByText('Gi noen fullmakt').click();
  await kari.getByLabel('Navnet til personen').fill('Ola Hansen');
  await kari.getByLabel('Fødselsnummeret til personen').fill(olaFnr);
  await kari.getByLabel('3 måneder').check();
  await kari.getByLabel('Personen kan også lese meldingene og skrive til kontoret for meg').check();
  await kari.getByRole('button', { name: 'Gi fullmakt' }).click();
  await heading(kari, 'Søknaden din');
  assert.ok(plain(await mainText(kari)).includes('Kan lese og skrive meldinger'), 'the power covers the messages');

  await ola.getByRole('button', { name: 'Logg inn som Ola Hansen' }).click();
  await ola.waitForLoadState('load');
  await ola.goto('/mine-soknader');
  await ola.getByRole('link', { name: /Kari Nordmann/ }).first().click();
  await heading(ola, 'Søknaden til Kari Nordmann');
  const conversation = section(ola, 'Skriv til kontoret');
  assert.ok(plain(await conversation.innerText()).includes('Husleien forfaller fredag.'), 'he reads the conversation');
  await ola.getByLabel('Din melding').fill('Kari ber meg spørre om husleien er med i beregningen.');
  await section(ola, 'Skriv til kontoret').getByRole('button', { name: 'Send melding' }).click();
  await heading(ola, 'Søknaden til Kari Nordmann');
  const after = plain(await section(ola, 'Skriv til kontoret').innerText());
  assert.ok(after.includes('Meldingen er sendt.') && after.includes('Ola Hansen på vegne av Kari Nordmann'), `signed as the helper:\n${after}`);
  await suite.seen(ola, 'helper conversation');
});

walk('Sara books a meeting for Kari (after a refused try on a Saturday); Kari sees it with a calendar file', async () => {
  await sara.goto('/ansatt/meldinger');
  await sara.goto(story.conversation);
  await sara.getByRole('link', { name: 'Tilbake til saken' }).click();
  await heading(sara, `Søknad ${story.reference}`);
  await sara.getByRole('link', { name: 'Avtaler', exact: true }).click();
  await heading(sara, `Avtaler i sak ${story.reference}`);
  await suite.seen(sara, 'staff meetings');
  const saturday = nextWeekday(6);
  await sara.getByLabel('Dato').fill(saturday);
  await sara.getByLabel('Klokkeslett').fill('10:00');
  await sara.getByRole('button', { name: 'Book avtalen' }).click();
  await heading(sara, `Avtaler i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes('Det er helg eller helligdag den dagen.'), 'a Saturday is refused');
  await suite.seen(sara, 'staff meetings refused');
  await sara.getByLabel('Dato').fill(nextWeekday(3));
  await sara.getByRole('button', { name: 'Book avtalen' }).click();
  await heading(sara, `Avtaler i sak ${story.reference}`);
  assert.ok((await mainText(sara)).includes('Avtalen er booket, og søkeren får varsel.'));
  await suite.seen(sara, 'staff meeting booked');

  await kari.goto('/mine-soknader');
  await kari.getByRole('listitem').filter({ hasText: 'Mottatt' }).first().getByRole('link').first().click();
  await heading(kari, 'Søknaden din');
  const meetings = plain(await section(kari, 'Avtaler med kontoret').innerText());
  assert.match(meetings, /onsdag \d\d\.\d\d\.\d{4} 10\.00–10\.45/, `the meeting:\n${meetings}`);
  const ics = await kari.request.get(await section(kari, 'Avtaler med kontoret').getByRole('link', { name: /Legg i kalenderen/ }).getAttribute('href'));
  assert.equal(ics.status(), 200);
  assert.ok((await ics.text()).includes('BEGIN:VEVENT'), 'a calendar file');
  await suite.seen(kari, 'citizen meeting');
});

walk('the office\'s list of letters to print opens', async () => {
  await sara.goto('/ansatt');
  await sara.getByRole('link', { name: 'Brev som skal skrives ut' }).click();
  await heading(sara, 'Brev som skal skrives ut');
  await suite.seen(sara, 'letters to print');
});

test('every page Kari and Sara saw passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  await suite.checkAccessibility(t);
  const names = suite.visited.map((v) => v.name);
  for (const must of ['citizen message refused', 'citizen message file refused', 'citizen message sent', 'notices', 'notices refused', 'staff messages', 'staff conversation', 'reply templates', 'reply templates refused', 'reply templates saved', 'staff conversation from template', 'staff conversation answered', 'staff conversation routed', 'staff messages routed', 'citizen conversation', 'helper conversation', 'staff meetings', 'staff meetings refused', 'staff meeting booked', 'citizen meeting', 'letters to print']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});
