// Everyone can apply (issue 17) in a real browser (Debian's Chromium through playwright-core), on a
// phone with JavaScript off: the "Done when", walked as people would.
//
// Jon Berg has no BankID. Sara Lund at NAV Frogner checks his passport and registers him with his
// phone number, then registers the application he sent on paper in the same steps as the digital
// form, with a photo of the paper form as the scanned original. It is in the inbox as paper; she
// starts processing it. Tor Bakke in the contact centre finds Jon — only after giving a reason —
// sees "received and being processed" in plain words, writes a call note and asks the office to
// call Jon back tomorrow between 10 and 12. Sara sees the note in the case file and the callback on
// top of her inbox, and marks contact made. Kari gives Ola Hansen, who helped her fill in her
// application, a power of attorney, and Ola records, signed in, that they did it together. Henrik Moe, the office lead, sees the statistics: the
// channel split (the demo's closed applications and Jon's) as SVG charts with bars and tables. Every page is checked with axe-core.
//
// Run from the repository root:
//   (cd tests/browser && npm ci) && VELFERD_BIN=target/debug/velferd node --test tests/browser/assisted.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, heading, mainText, pagePhoto, REFERENCE, walkthrough } from './lib.mjs';

const suite = browserSuite('assisted');
const walk = walkthrough();

let sara;
let tor;
let henrik;

const story = { fnr: '', reference: '', caseUrl: '' };

before(async () => {
  sara = await suite.open(await suite.phone());
  tor = await suite.open(await suite.phone());
  henrik = await suite.open(await suite.phone());
});

const plain = (text) => text.replace(/[^\S\n]+/g, ' ');
const osloIsoDate = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

async function signIn(page, name) {
  await page.goto('/ansatt');
  await heading(page, 'Demoinnlogging for ansatte');
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  await heading(page, 'Velferd for ansatte');
}

const choose = (page, group, answer) => page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: answer, exact: true }).check();

async function next(page, title) {
  await page.getByRole('button', { name: 'Neste', exact: true }).click();
  await heading(page, title);
}

walk('Sara registers Jon, who has no BankID, after checking his passport', async () => {
  await signIn(sara, 'Sara Lund');
  await sara.getByRole('link', { name: 'Registrer søknad på papir, telefon eller oppmøte' }).click();
  await heading(sara, 'Registrer søknad på papir, telefon eller oppmøte');
  await suite.seen(sara, 'register start');
  await sara.getByRole('link', { name: 'Registrer en person uten elektronisk ID' }).click();
  await heading(sara, 'Registrer en person uten elektronisk ID');
  // Jon's number, as the demo sign-in page lists it.
  const people = await suite.open(await suite.phone());
  await people.goto('/logg-inn');
  story.fnr = await people.locator('form', { hasText: 'Jon Berg' }).locator('input[name="fnr"]').getAttribute('value');
  await people.context().close();
  assert.match(story.fnr, /^\d{11}$/);

  await sara.getByLabel('Søkerens fødselsnummer').fill(story.fnr);
  await sara.getByRole('button', { name: 'Registrer personen' }).click();
  await heading(sara, 'Registrer en person uten elektronisk ID');
  assert.ok((await mainText(sara)).includes('Velg hvordan identiteten ble kontrollert.'), 'the identity check is required');
  await suite.seen(sara, 'register person with errors');
  assert.equal(await sara.getByLabel('Søkerens fødselsnummer').inputValue(), story.fnr, 'the number is kept');
  await choose(sara, 'Hvordan ble identiteten kontrollert?', 'Pass');
  await sara.getByLabel('Personens telefonnummer').fill('998 87 766');
  await sara.getByRole('button', { name: 'Registrer personen' }).click();
  await heading(sara, 'Registrer søknad på papir, telefon eller oppmøte');
  assert.ok((await mainText(sara)).includes('Personen er registrert uten elektronisk ID.'));
});

walk('she registers his paper application in the same steps as the digital form', async () => {
  await sara.getByLabel('Søkerens fødselsnummer').fill(story.fnr);
  await sara.getByRole('radio', { name: 'Oslo', exact: true }).check();
  await sara.getByRole('button', { name: 'Start registreringen' }).click();
  await heading(sara, 'Trenger du hjelp i dag?');
  assert.ok((await mainText(sara)).includes('Du fyller inn søknaden for Jon Berg'), 'the step says whose application it is');
  await suite.seen(sara, 'register step nodhjelp');
  await choose(sara, 'Mangler du mat eller et sted å sove i dag?', 'Nei');
  await next(sara, 'Hva søker du om?');
  await sara.getByRole('checkbox', { name: 'Husleie', exact: true }).check();
  await sara.getByLabel('Hvorfor søker du?').fill('Har ikke penger til husleie etter at dagpengene stoppet.');
  await next(sara, 'Om deg');
  await choose(sara, 'Bor du på adressen din i folkeregisteret?', 'Ja');
  await choose(sara, 'Er du statsborger i et nordisk land?', 'Ja');
  await next(sara, 'Hvor bor du?');
  await sara.getByRole('radio', { name: 'Jeg leier', exact: true }).check();
  await sara.getByLabel('Hvor mange personer bor i boligen, deg selv medregnet?').fill('1');
  await next(sara, 'Jobb og utdanning');
  await choose(sara, 'Har du jobb nå?', 'Nei');
  await choose(sara, 'Går du på skole eller studerer du?', 'Nei');
  await next(sara, 'Familie');
  await choose(sara, 'Hva er din sivilstatus?', 'Ugift');
  await choose(sara, 'Har du barn under 18 år som du forsørger?', 'Nei');
  await next(sara, 'Inntekt og penger du har');
  await next(sara, 'Utgifter');
  await sara.getByLabel('Husleie').fill('7 000');
  await next(sara, 'Kontonummer');
  await sara.getByLabel('Kontonummeret ditt').fill('1234 56 78903');
  await next(sara, 'Kontroller og registrer søknaden');
  await suite.seen(sara, 'register summary');

  // Paper without its scan and the person's confirmation is refused, with the choice kept.
  await sara.getByRole('radio', { name: 'Papir', exact: true }).check();
  await sara.getByRole('button', { name: 'Registrer søknaden' }).click();
  await heading(sara, 'Kontroller og registrer søknaden');
  const refused = await mainText(sara);
  assert.ok(refused.includes('Legg ved den skannede originalen av papirsøknaden.'), refused);
  assert.ok(await sara.getByRole('radio', { name: 'Papir', exact: true }).isChecked(), 'the channel is kept');
  await suite.seen(sara, 'register summary with errors');

  await sara.getByLabel('Skannet original').setInputFiles({ name: 'papirsoknad-jon.png', mimeType: 'image/png', buffer: pagePhoto(800, 1100, 1) });
  await sara.getByLabel('Søkeren har bekreftet at opplysningene er riktige (signert på papir eller sagt muntlig)').check();
  await sara.getByRole('button', { name: 'Registrer søknaden' }).click();
  await sara.getByText('Søknaden er registrert.', { exact: false }).waitFor();
  const file = plain(await mainText(sara));
  story.reference = file.match(REFERENCE)?.[0];
  story.caseUrl = new URL(sara.url()).pathname;
  assert.ok(story.reference, file);
  assert.ok(file.includes('Kom som: Papir.') && file.includes('Registrert av Sara Lund.'), file);
  await suite.seen(sara, 'case file registered');
  await sara.getByRole('button', { name: 'Start behandlingen', exact: true }).click();
  await sara.getByText('Søknaden er under behandling.', { exact: false }).waitFor();
});

walk('it is in the inbox as paper', async () => {
  await sara.goto('/ansatt/saker');
  await heading(sara, 'Søknader til kontoret');
  const card = sara.getByRole('listitem').filter({ has: sara.getByRole('link', { name: story.reference, exact: true }) });
  assert.ok((await card.innerText()).includes('Kom som: Papir'), await card.innerText());
  await suite.seen(sara, 'inbox with paper');
});

walk('the contact centre finds Jon with a reason and sees "received, being processed"', async () => {
  await signIn(tor, 'Tor Bakke');
  await tor.getByRole('link', { name: 'Kontaktsenteret' }).click();
  await heading(tor, 'Kontaktsenteret');
  await suite.seen(tor, 'contact centre');
  await tor.getByLabel('Søkerens fødselsnummer').fill(story.fnr);
  await tor.getByRole('button', { name: 'Søk', exact: true }).click();
  await heading(tor, 'Kontaktsenteret');
  assert.ok((await mainText(tor)).includes('Velg grunnen til oppslaget.'), 'a reason is required');
  await suite.seen(tor, 'contact centre without reason');
  await tor.getByRole('radio', { name: 'Personen ringer om sin egen sak', exact: true }).check();
  await tor.getByRole('button', { name: 'Søk', exact: true }).click();
  await tor.getByRole('heading', { name: 'Jon Berg' }).waitFor();
  const found = plain(await mainText(tor));
  assert.ok(found.includes('Søknaden er mottatt og er under behandling.'), found);
  assert.ok(found.includes('Papir') && found.includes('ikke elektronisk ID') && found.includes('+47 998 87 766'), found);
  assert.ok(!found.includes('dagpengene stoppet'), 'none of his answers');
  await suite.seen(tor, 'contact centre found');
});

walk('Tor writes a call note and asks the office to call Jon back tomorrow', async () => {
  await tor.locator('summary', { hasText: 'Skriv samtalenotat til kontoret' }).click();
  await tor.getByLabel('Skriv samtalenotat til kontoret').fill('Jon ringte og lurte på om papirsøknaden er kommet fram. Bekreftet at den er mottatt.');
  await tor.getByRole('button', { name: /Lagre notatet/ }).click();
  await tor.getByText('Samtalenotatet ligger nå i saken hos kontoret.').waitFor();
  await suite.seen(tor, 'contact centre note saved');

  await tor.getByLabel('Søkerens fødselsnummer').fill(story.fnr);
  await tor.getByRole('radio', { name: 'Personen ringer om sin egen sak', exact: true }).check();
  await tor.getByRole('button', { name: 'Søk', exact: true }).click();
  await tor.getByRole('heading', { name: 'Jon Berg' }).waitFor();
  await tor.locator('summary', { hasText: 'Be kontoret ringe tilbake' }).click();
  const form = tor.locator('form', { has: tor.getByRole('button', { name: /Be om tilbakeringing/ }) });
  await form.getByLabel('Telefonnummer').fill('998 87 766');
  await form.getByLabel('Dag').fill(osloIsoDate(Date.now() + 24 * 3600 * 1000));
  await form.getByLabel('Fra klokken').fill('10:00');
  await form.getByLabel('Til klokken').fill('12:00');
  await form.getByLabel('Hva gjelder det?').fill('Når kommer svaret?');
  await form.getByRole('button', { name: /Be om tilbakeringing/ }).click();
  await tor.getByText('Tilbakeringingen ligger nå i kontorets innboks').waitFor();
});

walk('Sara sees the note and the callback, and marks contact made', async () => {
  await sara.goto(story.caseUrl);
  const file = plain(await mainText(sara));
  assert.ok(file.includes('Tor Bakke (kontaktsenteret), samtale: Jon ringte'), file);
  await suite.seen(sara, 'case file with call note');
  await sara.goto('/ansatt/saker');
  const callbacks = sara.getByRole('region', { name: 'Ring tilbake' });
  const text = plain(await callbacks.innerText());
  assert.ok(text.includes(story.reference) && text.includes('Når kommer svaret?'), text);
  await suite.seen(sara, 'inbox with callback');
  await callbacks.getByRole('button', { name: /Kontakt oppnådd/ }).click();
  await sara.getByText('Tilbakeringingen er utført.').waitFor();
  assert.equal(await sara.getByRole('region', { name: 'Ring tilbake' }).count(), 0, 'no callback left open');
});

walk('Ola, who helped Kari fill in her application and holds her power of attorney, records it', async () => {
  const kari = await suite.open(await suite.phone());
  const ola = await suite.open(await suite.phone());
  await ola.goto('/logg-inn');
  const olaFnr = (await ola.content()).match(/name="fnr" value="(\d{11})">\s*<button[^>]*>Logg inn som Ola Hansen</)?.[1];
  assert.ok(olaFnr, 'Ola is a demo person');
  await kari.goto('/logg-inn');
  await kari.getByRole('button', { name: 'Logg inn som Kari Nordmann' }).click();
  await kari.waitForLoadState('load');
  await kari.goto('/mine-soknader');
  // Her emergency application from this morning, which she sent with Ola beside her.
  await kari.getByRole('listitem').filter({ hasText: 'Mottatt' }).first().getByRole('link').first().click();
  await heading(kari, 'Søknaden din');
  await kari.getByText('Gi noen fullmakt').click();
  await kari.getByLabel('Navnet til personen').fill('Ola Hansen');
  await kari.getByLabel('Fødselsnummeret til personen').fill(olaFnr);
  await kari.getByLabel('1 måned').check();
  await kari.getByRole('button', { name: 'Gi fullmakt' }).click();
  await heading(kari, 'Søknaden din');

  await ola.getByRole('button', { name: 'Logg inn som Ola Hansen' }).click();
  await ola.waitForLoadState('load');
  await ola.goto('/mine-soknader');
  await ola.getByRole('link', { name: /Kari Nordmann/ }).first().click();
  await heading(ola, 'Søknaden til Kari Nordmann');
  const ask = ola.getByRole('region', { name: 'Fylte dere ut søknaden sammen?' });
  assert.ok(plain(await ask.innerText()).includes('Hjalp du Kari Nordmann med å fylle ut søknaden?'), 'the question speaks of Kari');
  await suite.seen(ola, 'helper asked about assisting');
  await ask.getByRole('button', { name: 'Ja, vi fylte den ut sammen' }).click();
  await heading(ola, 'Søknaden til Kari Nordmann');
  await ola.getByText('Søknaden er registrert som fylt ut av deg sammen med Kari Nordmann.').waitFor();
  assert.equal(await ola.getByRole('region', { name: 'Fylte dere ut søknaden sammen?' }).count(), 0, 'asked once');
  await suite.seen(ola, 'helper assist recorded');
});

walk('the office lead sees the channel split, as charts with their numbers', async () => {
  await signIn(henrik, 'Henrik Moe');
  await henrik.getByRole('link', { name: 'Statistikk for kontoret' }).click();
  await heading(henrik, 'Statistikk for kontoret');
  assert.equal(await henrik.locator('svg[role="img"]').count(), 2, 'two charts');
  // The demo's closed applications (six on paper, five by phone, five at the desk, four digital
  // besides Kari's three) and the paper one Sara registered above.
  const channels = henrik.getByRole('table', { name: 'Tallene i «Søknader etter kanal»' });
  const cell = async (name) => plain(await channels.getByRole('row', { name }).innerText()).trim();
  assert.equal(await cell(/Papir/), 'Papir 7', 'six demo paper applications and the one registered above');
  assert.equal(await cell(/Telefon/), 'Telefon 5');
  assert.equal(await cell(/Oppmøte/), 'Oppmøte ved kontoret 5');
  assert.equal(await cell(/Digital med hjelp/), 'Digital med hjelp <5', 'Kari\'s, with Ola\'s help');
  // The chart draws a bar for each channel with a number, as wide as the table says.
  const chart = henrik.getByRole('img', { name: 'Søknader etter kanal' });
  const widths = await chart.locator('rect').evaluateAll((rects) => rects.map((r) => r.getBBox().width));
  assert.ok(widths.filter((w) => w > 0).length >= 4, `bars are drawn: ${widths}`);
  const paper = await chart.locator('rect').nth(2).boundingBox();
  assert.ok(paper && paper.width > 0, 'the paper bar is visible in the browser');
  await suite.seen(henrik, 'statistics');
  const csv = await henrik.request.get('/ansatt/statistikk.csv');
  assert.ok((await csv.text()).includes('"Papir","7"'), 'the CSV too');
});

test('every page of the walk-through passes axe-core (WCAG 2.1 A and AA)', { timeout: 300_000 }, async (t) => {
  await suite.checkAccessibility(t);
  const names = suite.visited.map((v) => v.name);
  for (const must of ['register summary', 'case file registered', 'contact centre found', 'inbox with callback', 'helper asked about assisting', 'helper assist recorded', 'statistics']) {
    assert.ok(names.includes(must), `axe checked the ${must} page`);
  }
});
