import { api } from '../api.js';
import { html } from '../html.js';
import { actor, goldstein, QUAD_NAMES, codeLabel, sizeTag, contestedTag } from '../format.js';

// The merged events, newest first, with filters; a row opens its first report. The event
// cell: CAMEO code · PLOVER type, a badge when contested, casualty figures.
export async function timeline(view, params) {
  const q = new URLSearchParams();
  for (const k of ['code', 'quad', 'from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  if (params.get('actor')) q.set('involving', params.get('actor'));
  const { events } = await api(`/api/events?${q}`);
  view.innerHTML = html`<h2>Timeline</h2>
  <form class="filters" id="filters">
    <input name="actor" placeholder="actor (CHN)" value="${params.get('actor')}">
    <input name="code" placeholder="CAMEO code (04)" value="${params.get('code')}">
    <select name="quad"><option value="">any quad class</option>${QUAD_NAMES.map((n, i) => (String(i + 1) === params.get('quad')
      ? html`<option value="${i + 1}" selected>${n}</option>` : html`<option value="${i + 1}">${n}</option>`))}</select>
    <input name="from" type="date" value="${params.get('from')}"> <input name="to" type="date" value="${params.get('to')}">
    <button>Filter</button></form>
  <p>${events.length} events · <a href="#/map?${new URLSearchParams([...params].filter(([k, v]) => v && ['actor', 'code', 'quad', 'from', 'to'].includes(k)))}">on the map</a></p>
  <table id="timeline"><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>Goldstein</th><th>mentions / sources</th><th>evidence</th></tr>
  ${events.map((e) => html`<tr class="event q${e.quad}" data-id="${e.id}"><td>${e.date}</td><td>${actor(e.source)}</td>
    <td class="code">${codeLabel(e)}${contestedTag(e)}${sizeTag(e)}</td><td>${actor(e.target)}</td><td class="num">${goldstein(e.goldstein)}</td><td>${e.mentions} / ${e.sources}</td>
    <td>${e.evidence}</td></tr>`)}</table>`;
  view.querySelector('#filters').onsubmit = (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams([...new FormData(ev.target)].filter(([, v]) => v));
    location.hash = `#/?${p}`;
  };
  for (const tr of view.querySelectorAll('tr.event')) tr.onclick = () => { location.hash = `#/event/${tr.dataset.id}`; };
}

// An event: its first report, in its article, with the evidence marked.
export async function openEvent(view, id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const m = e.mentions_list[0];
  if (!m) { view.innerHTML = html`<p>Event ${id} has no report.</p>`; return; }
  const [b, en] = m.end > m.begin ? [m.begin, m.end] : [m.sentence_begin, m.sentence_end];
  location.replace(`#/doc/${m.document}?b=${b}&e=${en}&event=${id}`);
}
