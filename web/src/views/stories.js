import { api } from '../api.js';
import { html } from '../html.js';
import { actor, codeLabel, sizeTag, contestedTag } from '../format.js';

export async function stories(view) {
  const { stories: rows } = await api('/api/stories');
  view.innerHTML = html`<h2>Stories</h2><ul>${rows.map((s) => html`<li><a href="#/story/${s.id}">${s.title || 'story ' + s.id}</a>
    ${s.first_date} – ${s.last_date}: ${s.documents} articles, ${s.events} events</li>`)}</ul>`;
}

export async function story(view, id) {
  const s = await api(`/api/stories/${encodeURIComponent(id)}`);
  view.innerHTML = html`<h2>${s.title || 'story ' + s.id}</h2><p>${s.first_date} – ${s.last_date}</p>
    <p>Actors: ${s.actors.map((a, i) => html`${i ? ', ' : ''}${a.code} (${a.events})`)}</p>
    <h3>Articles</h3><ul>${s.documents.map((d) => html`<li><a href="#/doc/${d.id}">${d.title || d.doc}</a> ${d.source} ${d.date}</li>`)}</ul>
    <h3>Timeline</h3><ul>${s.events.map((e) => html`<li><a href="#/event/${e.id}">${e.date} ${codeLabel(e)}</a> ${actor(e.source)} → ${actor(e.target)}${contestedTag(e)}${sizeTag(e)}</li>`)}</ul>`;
}
