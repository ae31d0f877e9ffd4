// Browser test in real headless Chromium (Debian's, driven by playwright-core):
// the page loads, the timeline shows events (PLOVER types, casualty figures, contested
// badges where the API gives them), clicking one opens its article with the evidence
// highlighted and the event beside it, an event's claims link to their sentences, the map
// draws the countries and a dot per located event, search finds a word. Screenshots go to
// $ARTIFACTS (build/artifacts). Usage: node tests/browser.mjs URL SEARCH_WORD [DATE CODE]
// With DATE and CODE (a CAMEO prefix), the timeline must show an event of that
// day and code, and that is the one clicked.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const [url, word, wantDate, wantCode] = process.argv.slice(2);
const out = process.env.ARTIFACTS || '../build/artifacts';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
page.setDefaultTimeout(10000);
const origin = new URL(url).origin;
const elsewhere = [];
page.on('request', (r) => { if (!r.url().startsWith(origin)) elsewhere.push(r.url()); });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
const getJSON = async (path) => (await fetch(`${origin}${path}`)).json();
const TOLLS = ['dead', 'injured', 'arrested', 'displaced'];
const tolls = (e) => TOLLS.filter((k) => typeof e.size?.[k]?.min === 'number');
const located = (e) => Number.isFinite(e.location?.lat) && Number.isFinite(e.location?.lon);
const rowOf = (e) => page.locator(`#timeline tr.event[data-id="${e.id}"]`);
try {
  const stats = await getJSON('/api/stats');
  assert.ok(stats.events > 0, `the store holds no events (${stats.documents} documents): does the pipeline code events yet?`);
  await page.goto(url);
  await page.waitForSelector('#timeline tr.event', { timeout: 10000 });
  const rows = await page.locator('#timeline tr.event').count();
  assert.ok(rows > 0, 'the timeline shows events');
  await page.screenshot({ path: `${out}/timeline.png`, fullPage: true });

  // What the timeline shows (the same query, the API's default limit), checked row by row.
  const { events: listed } = await getJSON('/api/events');
  const checked = [];
  {  // the PLOVER type beside the CAMEO code
    const typed = listed.find((e) => e.plover);
    assert.ok(typed, 'no event has a PLOVER type');
    assert.deepEqual((await rowOf(typed).locator('.plover').allTextContents()).map((t) => t.trim()), [typed.plover], `event ${typed.id} shows its PLOVER type`);
    checked.push(`PLOVER ${typed.plover}`);
  }
  const sized = listed.find((e) => tolls(e).length);
  if (wantDate) assert.ok(sized, 'the samples give an event with casualty figures (size)');
  if (sized) {  // "57 dead": the smallest figure of its first kind, with the kind
    const kind = tolls(sized)[0];
    const shown = (await rowOf(sized).locator('.size').allTextContents()).join(' ');
    assert.match(shown, new RegExp(`${Number(sized.size[kind].min).toLocaleString('en')}\\S* ${kind}`), `event ${sized.id} shows its ${kind} figure`);
    checked.push(`size "${shown.trim()}"`);
  }
  const contested = listed.find((e) => e.contested);
  if (contested) {
    assert.equal(await rowOf(contested).locator('.badge.contested').count(), 1, `contested event ${contested.id} has a badge`);
    checked.push('contested badge');
  }
  const uncontested = listed.find((e) => e.contested === false);
  if (uncontested) assert.equal(await rowOf(uncontested).locator('.badge.contested').count(), 0, 'no badge on an uncontested event');

  let row = page.locator('#timeline tr.event').first();
  if (wantDate) {
    const wanted = page.locator('#timeline tr.event').filter({ has: page.locator('td:nth-child(1)', { hasText: wantDate }) })
      .filter({ has: page.locator('td:nth-child(3)', { hasText: new RegExp(`^${wantCode}`) }) });
    assert.ok(await wanted.count() > 0, `the timeline shows the ${wantDate} event with code ${wantCode}*`);
    row = wanted.first();
  }
  const rowId = await row.getAttribute('data-id');
  const rowCode = (await row.locator('.cameo').textContent()).trim();
  await row.click();
  await page.waitForSelector('#article mark.evidence', { timeout: 10000 });
  const evidence = (await page.locator('#article mark.evidence').first().textContent()).trim();
  assert.ok(evidence.length > 0, 'the evidence span is highlighted in the article');
  await page.waitForSelector('#event-panel', { timeout: 10000 });
  assert.equal((await page.locator('#event-panel .cameo').first().textContent()).trim(), rowCode, 'the event is shown beside its article');
  assert.match(await page.locator('#event-panel h3').textContent(), new RegExp(`Event ${rowId}\\b`), 'the panel is the clicked event');
  await page.screenshot({ path: `${out}/article.png`, fullPage: true });

  // Who says what: an event's claims, each linked to its sentence.
  const claimed = listed.find((e) => e.claims?.length);
  if (claimed) {
    await page.goto(`${url}#/event/${claimed.id}`);
    await page.locator('#event-panel h3', { hasText: new RegExp(`Event ${claimed.id}\\b`) }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('#claims li.claim').count(), claimed.claims.length, `event ${claimed.id} lists its claims`);
    const c = claimed.claims[0];
    const first = page.locator('#claims li.claim').first();
    assert.ok((await first.textContent()).includes(c.party?.code ?? c.by?.code ?? ''), 'a claim names its party');
    await page.screenshot({ path: `${out}/claims.png`, fullPage: true });
    await first.locator('a').click();
    await page.waitForURL(new RegExp(`[?&]sent=${c.sent}(&|$)`), { timeout: 10000 });
    // the sentence is marked once the article has loaded again (the old one is still there at first)
    const highlighted = await page.waitForFunction((word) => {
      const text = [...document.querySelectorAll('#article mark.evidence')].map((m) => m.textContent).join('');
      return text.length > 0 && text.includes(word) && text;
    }, c.evidence ?? '', { timeout: 10000 }).then((h) => h.jsonValue(), () => '');
    assert.ok(highlighted, `the claim's sentence (with "${c.evidence ?? ''}") is highlighted in its article`);
    checked.push(`${claimed.claims.length} claim(s) on event ${claimed.id}`);
  }

  await page.fill('#search-box', word);
  await page.press('#search-box', 'Enter');
  await page.waitForSelector('#hits li', { timeout: 10000 });
  const snippet = await page.locator('#hits li').first().textContent();
  assert.ok(snippet.toLowerCase().includes(word.toLowerCase()), `search finds ${word}`);
  await page.screenshot({ path: `${out}/search.png`, fullPage: true });

  await page.goto(`${url}#/network`);
  await page.waitForSelector('#network canvas', { timeout: 10000 });
  await page.screenshot({ path: `${out}/network.png` });
  await page.goto(`${url}#/dyads`);
  await page.waitForSelector('#dyad-chart', { timeout: 10000 });
  await page.screenshot({ path: `${out}/dyads.png` });

  // The map: countries drawn from the bundled world atlas, a dot per located event.
  const { events: all } = await getJSON('/api/events?limit=10000');
  await page.goto(`${url}#/map`);
  await page.waitForSelector('#map svg path.country', { timeout: 10000 });
  assert.ok(await page.locator('#map path.country').count() >= 100, 'the map draws the countries');
  const placed = Number(await page.locator('#map-placed').textContent());
  const missing = Number(await page.locator('#map-missing').textContent());
  assert.equal(placed + missing, all.length, 'every event is on the map or counted as without coordinates');
  assert.equal(await page.locator('#dots circle').count(), placed, 'a dot per event on the map');
  assert.equal(placed, all.filter(located).length, 'the events with coordinates are the ones on the map');
  await page.screenshot({ path: `${out}/map.png`, fullPage: true });
  assert.ok(all.some(located), 'events in named towns and countries have coordinates');
  {
    const dot = page.locator('#dots circle').last();  // drawn last: on top
    const id = await dot.getAttribute('data-id');
    await dot.click();
    await page.waitForSelector('#event-panel', { timeout: 10000 });
    assert.match(await page.locator('#event-panel h3').textContent(), new RegExp(`Event ${id}\\b`), 'a dot opens its event');
    checked.push(`map: ${placed} dots`);
  }

  assert.deepEqual(elsewhere, [], 'no request leaves the machine');
  assert.deepEqual(errors, [], 'no script error');
  console.log(`browser test: ok (${rows} events; evidence "${evidence}"; ${checked.join('; ')}; screenshots in ${out})`);
} finally {
  await browser.close();
}
