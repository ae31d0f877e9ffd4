// Browser test in real headless Chromium (Debian's, driven by playwright-core):
// the page loads, the timeline shows events, clicking one opens its article
// with the evidence highlighted, search finds a word. Screenshots go to
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
const origin = new URL(url).origin;
const elsewhere = [];
page.on('request', (r) => { if (!r.url().startsWith(origin)) elsewhere.push(r.url()); });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
try {
  const stats = await (await fetch(`${origin}/api/stats`)).json();
  assert.ok(stats.events > 0, `the store holds no events (${stats.documents} documents): does the pipeline code events yet?`);
  await page.goto(url);
  await page.waitForSelector('#timeline tr.event', { timeout: 10000 });
  const rows = await page.locator('#timeline tr.event').count();
  assert.ok(rows > 0, 'the timeline shows events');
  await page.screenshot({ path: `${out}/timeline.png`, fullPage: true });

  let row = page.locator('#timeline tr.event').first();
  if (wantDate) {
    const wanted = page.locator('#timeline tr.event').filter({ has: page.locator('td:nth-child(1)', { hasText: wantDate }) })
      .filter({ has: page.locator('td:nth-child(3)', { hasText: new RegExp(`^${wantCode}`) }) });
    assert.ok(await wanted.count() > 0, `the timeline shows the ${wantDate} event with code ${wantCode}*`);
    row = wanted.first();
  }
  await row.click();
  await page.waitForSelector('#article mark.evidence', { timeout: 10000 });
  const evidence = (await page.locator('#article mark.evidence').first().textContent()).trim();
  assert.ok(evidence.length > 0, 'the evidence span is highlighted in the article');
  await page.screenshot({ path: `${out}/article.png`, fullPage: true });

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

  assert.deepEqual(elsewhere, [], 'no request leaves the machine');
  assert.deepEqual(errors, [], 'no script error');
  console.log(`browser test: ok (${rows} events; evidence "${evidence}"; screenshots in ${out})`);
} finally {
  await browser.close();
}
