// What the browser tests share: a Velferd server of their own (a free port, a fresh data folder,
// --demo), Debian's Chromium through playwright-core, phones sized and set up like a Norwegian's,
// a record of every page a test visits (a full-page screenshot of each, and the document exactly
// as the server sent it), the axe-core check of every recorded page, and generated photos of a
// paper page to upload.
//
// A test file calls browserSuite('name') once at the top level: that registers the before and after
// hooks that start and stop the server and the browser, and gives the file its own screenshot
// folder, tests/browser/out/NAME/, emptied at the start. Each file has its own server and folder, so
// `node --test` may run the files one after another or side by side, and each passes on its own.

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

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const REFERENCE = /VF-[0-9A-Z]{4}-[0-9A-Z]{4}/;

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
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nb-NO',
};

// ---------------------------------------------------------------- the server

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

/**
 * Starts `velferd serve --demo` from VELFERD_BIN on a free port with a fresh data folder, and waits
 * until /health answers. Returns { base, log, stop() }; `stop` ends the server and removes the folder.
 */
export async function startServer() {
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

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    await rm(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`velferd exited (${JSON.stringify(exited)}) before answering /health:\n${log.join('\n')}`);
    }
    try {
      const r = await fetch(`${base}/health`);
      if (r.status === 200) return { base, log, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`velferd did not answer 200 on ${base}/health within 30 s:\n${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---------------------------------------------------------------- one file's server, browser and pages

const withoutHash = (url) => url.split('#')[0];

/**
 * Registers the hooks that start a server and Chromium before the file's tests and stop them after,
 * and returns what the tests use:
 *
 * - `phone(options)`: a new phone (browser context) at the server, JavaScript off unless asked for;
 * - `open(context)`: a new page in it whose documents are recorded, so `seen` can find them;
 * - `seen(page, name)`: the page now shown is checked for sideways scrolling, recorded for axe and
 *   photographed into the file's folder;
 * - `document(page)`: the latest main-frame document the page got that was not a redirect;
 * - `checkAccessibility(t)`: axe-core on every recorded page, one subtest each;
 * - `outDir`, `server`, `browser`, `visited`.
 */
export function browserSuite(name) {
  const suite = new BrowserSuite(path.join(here, 'out', name));
  before(() => suite.ready());
  after(() => suite.stop());
  return suite;
}

class BrowserSuite {
  /** Pages seen, in order: name, URL, status, headers and the document exactly as the server sent it. */
  visited = [];
  server = null;
  browser = null;
  #starting = null;
  #documents = new WeakMap();
  #shots = 0;

  constructor(outDir) {
    this.outDir = outDir;
  }

  /** Starts the server and the browser once; every later call waits for that start. */
  ready() {
    this.#starting ??= (async () => {
      await rm(this.outDir, { recursive: true, force: true });
      await mkdir(this.outDir, { recursive: true });
      this.server = await startServer();
      this.browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    })();
    return this.#starting;
  }

  async stop() {
    await this.browser?.close();
    await this.server?.stop();
  }

  /** A phone at the server: JavaScript off unless `javaScriptEnabled: true` is passed. */
  async phone(options = {}) {
    await this.ready();
    return this.browser.newContext({ ...PHONE, javaScriptEnabled: false, baseURL: this.server.base, ...options });
  }

  /** A new page in `context`, whose documents are recorded for `seen`. */
  async open(context) {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('response', (r) => {
      const s = r.status();
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && !(s >= 300 && s < 400)) this.#documents.set(page, r);
    });
    return page;
  }

  /** The latest main-frame document response `page` got that was not a redirect. */
  document(page) {
    return this.#documents.get(page);
  }

  /** Records the page now shown (for axe) and saves a full-page screenshot of it. */
  async seen(page, name) {
    await page.waitForLoadState('load');
    const doc = this.document(page);
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
    // The tab's name (what a screen reader says first) is plain words: no markup leaked into it,
    // and it ends with the site's name.
    const title = await page.title();
    assert.ok(title.endsWith(' – Velferd') && !/[<>]/.test(title) && title.length < 160, `${name}: the page title is ${JSON.stringify(title)}`);
    const headers = await doc.allHeaders();
    this.visited.push({ name, url: page.url(), status: doc.status(), headers, body: await doc.body() });
    this.#shots += 1;
    const file = `${String(this.#shots).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
    await page.screenshot({ path: path.join(this.outDir, file), fullPage: true });
  }

  /** Runs axe-core (WCAG 2.1 A and AA) on every recorded page, each as a subtest of `t`. */
  async checkAccessibility(t) {
    assert.ok(this.visited.length > 0, 'the walk-through visited no pages');
    const axeSource = await readFile(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
    // axe needs JavaScript, so it runs in a second phone whose JavaScript is on. Each page is loaded
    // at its own URL with the very document the person got (a page with errors is the answer to a
    // POST, and a sent application's steps lead to the receipt, so refetching would show other pages);
    // the stylesheets come from the server and the page keeps its Content-Security-Policy. axe is
    // evaluated through the DevTools protocol, which that policy does not block.
    const axeContext = await this.browser.newContext({ ...PHONE, javaScriptEnabled: true });
    const axePage = await axeContext.newPage();
    try {
      for (const v of this.visited) {
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
  }
}

// ---------------------------------------------------------------- a walk-through in parts

/**
 * A walk-through is one story told in several tests; once a part fails, the rest are skipped rather
 * than failing for the same reason. Returns `walk(name, fn)`, which declares one part.
 */
export function walkthrough() {
  let broken = null;
  return function walk(name, fn) {
    test(name, { timeout: 120_000 }, async (t) => {
      if (broken) {
        t.skip(`an earlier part of the walk-through failed: ${broken}`);
        return;
      }
      try {
        await fn(t);
      } catch (e) {
        broken = name;
        throw e;
      }
    });
  };
}

// ---------------------------------------------------------------- helpers for pages

/** Waits until `page`'s only h1 has this text (a string, exactly, or a RegExp). */
export async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The visible text of the page's main content. */
export async function mainText(page) {
  return page.getByRole('main').innerText();
}

// ---------------------------------------------------------------- a photo of a paper page

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
export function pagePhoto(width, height, light) {
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
