import { api } from '../api.js';
import { html, marked } from '../html.js';
import { codeLabel, sizeTag, contestedTag } from '../format.js';
import { eventWithReports, eventPanel } from './event.js';

// An article with its entities, quotes and events marked; ?b=&e= marks the evidence of one,
// ?sent=N marks sentence N (a claim's); with ?event=ID the event is shown beside the article.
export async function article(view, id, params) {
  const eventId = params.get('event');
  const [d, ev] = await Promise.all([api(`/api/documents/${encodeURIComponent(id)}`),
    eventId ? eventWithReports(eventId).catch(() => null) : null]);
  const spans = [
    ...d.entities.map((x) => ({ ...x, kind: 'entity', title: `${x.type} ${x.canonical ?? x.text}${x.actor ? ' ' + x.actor : ''}` })),
    ...d.quotes.map((x) => ({ ...x, kind: 'quote', title: `quote: ${x.speaker_canonical ?? x.speaker_text ?? '?'}` })),
    ...d.events.map((x) => ({ ...x, kind: 'event', title: `event ${x.code}${x.plover ? ' ' + x.plover : ''}: ${x.source ?? '?'} → ${x.target ?? '?'}` })),
  ];
  const sent = params.get('sent') && d.sentences?.find((s) => s.sent === +params.get('sent'));
  if (sent) spans.push({ begin: sent.begin, end: sent.end, kind: 'evidence', title: `sentence ${sent.sent}`, id: eventId });
  else if (params.get('b')) spans.push({ begin: +params.get('b'), end: +params.get('e'), kind: 'evidence', title: 'evidence', id: eventId });
  view.innerHTML = html`<div class="${ev ? 'doc with-event' : 'doc'}"><div class="doc-main"><h2>${d.title || d.doc}</h2><p>${d.source} · ${d.date} · ${d.path}</p>
    <article class="text" id="article">${marked(d.text, spans)}</article>
    <h3>Events</h3><ul id="doc-events">${d.events.map((e) => html`<li><a href="#/doc/${id}?b=${e.begin}&e=${e.end}&event=${e.id}">${codeLabel(e)}</a>${contestedTag(e)}
      ${e.source ?? '?'} → ${e.target ?? '?'}: “${e.evidence}”${sizeTag(e)}</li>`)}</ul>
    <h3>Quotes</h3><ul>${d.quotes.map((q) => html`<li>${q.speaker_canonical ?? q.speaker_text ?? '?'}: “${q.text}”</li>`)}</ul>
    </div>${ev ? eventPanel(ev) : ''}</div>`;
  view.querySelector('mark.evidence')?.scrollIntoView({ block: 'center' });
}
