// Building HTML safely: html`...` escapes every interpolated value unless it is
// itself html`...` (or raw(), for markup built here); arrays are joined.
class SafeHtml {
  constructor(s) { this.s = s; }
  toString() { return this.s; }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escape = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

function part(v) {
  if (v instanceof SafeHtml) return v.s;
  if (Array.isArray(v)) return v.map(part).join('');
  return escape(v);
}

export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => { out += part(v) + strings[i + 1]; });
  return new SafeHtml(out);
}

export const raw = (s) => new SafeHtml(String(s));

// Text with spans given in UTF-8 byte offsets ({begin, end, kind, title, id})
// wrapped in <mark class=kind>; the highest-ranked kind wins where spans overlap.
const RANK = { evidence: 4, event: 3, quote: 2, entity: 1, match: 5 };
export function marked(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) { cuts.add(s.begin); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= bytes.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = dec.decode(bytes.slice(a, b));
    const over = spans.filter((s) => s.begin <= a && s.end >= b && s.end > s.begin);
    if (!over.length) { pieces.push(html`${piece}`); continue; }
    over.sort((x, y) => RANK[y.kind] - RANK[x.kind]);
    const top = over[0];
    const title = over.map((s) => s.title).filter(Boolean).join(' | ');
    pieces.push(top.id
      ? html`<mark class="${top.kind}" title="${title}" data-event="${top.id}">${piece}</mark>`
      : html`<mark class="${top.kind}" title="${title}">${piece}</mark>`);
  }
  return html`${pieces}`;
}
