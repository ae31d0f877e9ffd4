// How values are shown: one place for numbers, actors and colours.
import { html } from './html.js';

export const goldstein = (g) => (g == null ? '' : Number(g).toFixed(1));

// An actor as its code with the words the text used for it beside ("CHNGOV Wang Yi").
export const actor = (a) => {
  const code = a?.code || '?';
  return a?.text ? html`${code} <span class="actor-text">${a.text}</span>` : html`${code}`;
};

export const goldColour = (g) => (g == null ? '#999'
  : g < 0 ? `rgb(${Math.min(255, 120 + -g * 13)},40,40)` : `rgb(40,${Math.min(255, 120 + g * 13)},60)`);

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

// The CAMEO code with its PLOVER type beside ("190 · ASSAULT"); the type only where served.
export const codeLabel = (e) => (e?.plover
  ? html`<span class="cameo">${e.code}</span> · <span class="plover">${e.plover}</span>`
  : html`<span class="cameo">${e?.code ?? '?'}</span>`);

// Violent events (CAMEO roots 18-20: assault, fight, mass violence).
export const isViolent = (e) => ['18', '19', '20'].includes(String(e?.root ?? e?.code ?? '').slice(0, 2));

// Casualty figures ("57 dead, 109 injured"; "50+ dead" open above; "50–57 dead" a range
// across reports). `size` is {dead|injured|arrested|displaced: {min, max, text?, reports?}}
// (docs/event-output.md); the store keeps max = min for an open figure and each report's own
// max in `reports`, so a figure is open when a report left it open at the top of the range.
const TOLLS = ['dead', 'injured', 'arrested', 'displaced'];
const num = (x) => Number(x).toLocaleString('en');
export function sizeParts(size) {
  if (!size || typeof size !== 'object') return [];
  const parts = [];
  for (const kind of TOLLS) {
    const f = size[kind];
    if (!f || typeof f.min !== 'number') continue;
    const hi = typeof f.max === 'number' ? f.max : f.min;
    const reports = Array.isArray(f.reports) ? f.reports : [];
    const open = f.max == null || reports.some((r) => r.max == null && r.min >= hi);
    const said = reports.length ? reports.map((r) => `“${r.text ?? '?'}” (${r.doc}, sentence ${r.sent})`) : [f.text ? `“${f.text}”` : ''];
    parts.push({ kind, text: `${num(f.min)}${hi > f.min ? '–' + num(hi) : ''}${open ? '+' : ''} ${kind}`, said: said.filter(Boolean).join('; ') });
  }
  return parts;
}
export const sizeText = (size) => sizeParts(size).map((p) => p.text).join(', ');
export const sizeTag = (e) => {
  const parts = sizeParts(e?.size);
  return parts.length ? html` <span class="size" title="${parts.map((p) => `${p.kind}: ${p.said}`).join('\n')}">${parts.map((p, i) => html`${i ? ', ' : ''}${p.text}`)}</span>` : html``;
};

// A badge on an event whose reports disagree on who did it.
export const contestedTag = (e) => (e?.contested
  ? html` <span class="badge contested" title="the reports disagree on who did it">contested</span>` : html``);

export const TIME_PRECISION = { 1: 'day', 2: 'week', 3: 'month or vaguer' };
export const GEO_PRECISION = { 1: 'town', 2: 'region', 3: 'country' };
export const place = (loc) => (loc ? [loc.name, loc.country && loc.country !== loc.name ? `(${loc.country})` : ''].filter(Boolean).join(' ') : '');
