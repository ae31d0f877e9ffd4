import { api } from '../api.js';
import { html, marked } from '../html.js';

// An article with its entities, quotes and events marked; ?b=&e= marks the evidence of one.
export async function article(view, id, params) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const spans = [
    ...d.entities.map((x) => ({ ...x, kind: 'entity', title: `${x.type} ${x.canonical ?? x.text}${x.actor ? ' ' + x.actor : ''}` })),
    ...d.quotes.map((x) => ({ ...x, kind: 'quote', title: `quote: ${x.speaker_canonical ?? x.speaker_text ?? '?'}` })),
    ...d.events.map((x) => ({ ...x, kind: 'event', title: `event ${x.code}: ${x.source ?? '?'} → ${x.target ?? '?'}` })),
  ];
  if (params.get('b')) spans.push({ begin: +params.get('b'), end: +params.get('e'), kind: 'evidence', title: 'evidence', id: params.get('event') });
  view.innerHTML = html`<h2>${d.title || d.doc}</h2><p>${d.source} · ${d.date} · ${d.path}</p>
    <article class="text" id="article">${marked(d.text, spans)}</article>
    <h3>Events</h3><ul>${d.events.map((e) => html`<li><a href="#/doc/${id}?b=${e.begin}&e=${e.end}&event=${e.id}">${e.code}</a>
      ${e.source ?? '?'} → ${e.target ?? '?'}: “${e.evidence}”</li>`)}</ul>
    <h3>Quotes</h3><ul>${d.quotes.map((q) => html`<li>${q.speaker_canonical ?? q.speaker_text ?? '?'}: “${q.text}”</li>`)}</ul>`;
  view.querySelector('mark.evidence')?.scrollIntoView({ block: 'center' });
}
