import { api } from '../api.js';
import { html, marked } from '../html.js';

// Sentences best first, the matched words marked by the offsets the API gives.
export async function search(view, params) {
  const q = params.get('q') || '';
  const { hits } = await api(`/api/search?${new URLSearchParams({ q })}`);
  view.innerHTML = html`<h2>Search: ${q}</h2><p>${hits.length} sentences</p><ol id="hits">${hits.map((h) => html`
    <li><a href="#/doc/${h.document}?b=${h.begin}&e=${h.end}">${h.title || h.doc}</a> ${h.date}<br>
     <span class="snippet">${marked(h.text, h.matches.map(([begin, end]) => ({ begin, end, kind: 'match' })))}</span></li>`)}</ol>`;
}
