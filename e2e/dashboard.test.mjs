// End-to-end: the dashboard in real headless Chromium against `dyad serve`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const DYAD = process.env.DYAD_BIN || join(here, '..', 'target', 'debug', 'dyad');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT = process.env.E2E_OUT || join(here, '..', 'target', 'e2e');
const TOKEN = 'e2e-token-' + Math.random().toString(36).slice(2);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server, base, context, page, work;
const external = [];

async function startServer() {
  server = spawn(DYAD, ['serve', '--db', join(work, 'e2e.sqlite'), '--addr', '127.0.0.1:0', '--quiet'],
    { env: { ...process.env, DYAD_TOKEN: TOKEN, RUST_LOG: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dyad serve did not start:\n${log}`)), 60_000);
    server.stderr.on('data', (d) => {
      log += d;
      const m = log.match(/"addr":"(127\.0\.0\.1:\d+)"/);
      if (m && !base) { clearTimeout(timer); base = `http://${m[1]}`; resolve(); }
    });
    server.on('exit', (code) => reject(new Error(`dyad serve exited with ${code}:\n${log}`)));
  });
}

before(async () => {
  mkdirSync(OUT, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'dyad-e2e-'));
  await startServer();
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 },
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  // Nothing may be loaded from anywhere but the server.
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url()); });
});

after(async () => {
  await context?.close();
  server?.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

const ARTICLE = `Egypt and Qatar pledge closer ties after phone call

CAIRO - Egypt's foreign minister held a phone call with his Qatari counterpart on Monday to discuss the situation in Gaza, the foreign ministry in Cairo said.

The two ministers agreed to coordinate efforts to secure a ceasefire. Egypt urged Israel to allow humanitarian aid into the Gaza Strip.

Separately, Turkish police arrested dozens of protesters in Istanbul, and the European Union condemned the arrests.`;

test('code an article: events table and highlighted spans', async () => {
  await page.goto(`${base}/#/code`);
  await page.fill('#article-text', ARTICLE);
  await page.fill('#article-date', '2024-03-11');
  await page.selectOption('#article-lang', 'en');
  await page.click('#code-btn');
  await page.waitForSelector('#events-table tbody tr', { timeout: 30_000 });
  const rows = await page.locator('#events-table tbody tr').count();
  assert.ok(rows >= 2, `expected several events, got ${rows}`);
  for (const cls of ['src', 'tgt', 'trg']) {
    const marks = page.locator(`#events-table mark.${cls}`);
    assert.ok(await marks.count() >= rows, `every event highlights its ${cls}`);
    assert.ok((await marks.first().innerText()).trim().length > 0);
  }
  // The trigger of the first event is a word of its sentence, and the rule is one click away.
  const first = page.locator('#events-table tbody tr').first();
  const sentence = await first.locator('.sentence').innerText();
  assert.ok(sentence.includes(await first.locator('mark.trg').first().innerText()));
  assert.equal(await first.locator('details.rule code').isVisible(), false);
  await first.locator('details.rule summary').click();
  assert.ok(await first.locator('details.rule code').isVisible());
  assert.match(await first.locator('details.rule code').innerText(), /\S/);
  await page.screenshot({ path: join(OUT, 'code.png'), fullPage: true });
});

test('ingest a corpus through the API, then explore: timeline and map', async () => {
  const corpus = readFileSync(join(here, 'corpus.json'), 'utf8');
  const wrong = await fetch(`${base}/v1/articles`, { method: 'POST', body: corpus,
    headers: { 'content-type': 'application/json', authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  assert.match(wrong.headers.get('content-type'), /problem\+json/);
  const r = await fetch(`${base}/v1/articles`, { method: 'POST', body: corpus,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  assert.equal(body.stored, 8, JSON.stringify(body));
  assert.ok(body.new_events >= 8, JSON.stringify(body));

  await page.goto(`${base}/#/explore`);
  const timeline = page.locator('canvas#timeline[data-events]');
  await timeline.waitFor({ timeout: 30_000 });
  const events = Number(await timeline.getAttribute('data-events'));
  const weeks = Number(await timeline.getAttribute('data-points'));
  assert.ok(events >= 2 && weeks >= 2, `timeline has ${events} events over ${weeks} weeks`);
  // Chart.js drew something: the canvas has coloured pixels of the QuadClass bars.
  const coloured = await page.evaluate(() => {
    const c = document.querySelector('canvas#timeline');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.abs(d[i] - d[i + 1]) > 40) n++;
    return n;
  });
  assert.ok(coloured > 200, `the chart has ${coloured} coloured pixels`);
  const map = page.locator('svg#map[data-markers]');
  await map.waitFor({ timeout: 30_000 });
  assert.ok(await page.locator('svg#map path.country').count() > 150, 'country shapes are drawn');
  const markers = Number(await map.getAttribute('data-markers'));
  assert.ok(markers >= 3, `map has ${markers} markers`);
  // Markers stand at the places where events happened (Amman, the Gaza Strip, …);
  // the countries of the actors are shaded.
  assert.ok(await page.locator('svg#map circle[data-place]:not([data-place=""])').count() >= 1, 'events are placed');
  assert.ok(await page.locator('svg#map path.country.active').count() >= 3, 'the actors\' countries are shaded');
  assert.ok(await page.locator('#top-dyads tbody tr').count() >= 3, 'most active dyads');
  await page.screenshot({ path: join(OUT, 'explore.png'), fullPage: true });

  // A filter narrows the events table.
  await page.fill('#f-actor', 'RUS');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => /RUS/.test(location.hash) && document.querySelector('#explore-events table'));
  const codes = await page.locator('#explore-events tbody tr td:nth-child(2)').allInnerTexts();
  const targets = await page.locator('#explore-events tbody tr td:nth-child(3)').allInnerTexts();
  assert.ok(codes.length >= 1);
  codes.forEach((c, i) => assert.ok(c.startsWith('RUS') || targets[i].startsWith('RUS'), `${c} → ${targets[i]}`));

  // Event detail: evidence with highlights, mentions, link to the article.
  await page.locator('#explore-events tbody tr').first().click();
  await page.waitForSelector('#mentions .mention');
  assert.ok(await page.locator('#mentions mark.trg').count() >= 1);
  await page.screenshot({ path: join(OUT, 'event.png'), fullPage: true });
  await page.locator('#mentions .mention a').first().click();
  await page.waitForSelector('.article-text p');
  assert.match(await page.locator('.article-text').innerText(), /Russia/);
  assert.deepEqual(external, [], 'nothing is loaded from elsewhere');
});
