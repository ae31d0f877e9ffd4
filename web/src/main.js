// The sitrep page: hash routes over the JSON API (docs/server.md).
import { Chart, registerables } from 'chart.js';
import cytoscape from 'cytoscape';

Chart.register(...registerables);
const view = document.getElementById('view');
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}
const actor = (a) => esc(a?.code || a?.text || '?');
const goldColour = (g) => (g == null ? '#999' : g < 0 ? `rgb(${Math.min(255, 120 + -g * 13)},40,40)` : `rgb(40,${Math.min(255, 120 + g * 13)},60)`);

async function timeline(params) {
  const f = ['actor', 'code', 'quad', 'from', 'to'];
  const q = new URLSearchParams();
  for (const k of f) if (params.get(k)) q.set(k, params.get(k));
  if (params.get('actor')) { q.set('involving', params.get('actor')); q.delete('actor'); }
  const { events } = await api(`/api/events?${q}`);
  view.innerHTML = `<h2>Timeline</h2>
  <form class="filters" id="filters">
    <input name="actor" placeholder="actor (CHN)" value="${esc(params.get('actor'))}">
    <input name="code" placeholder="CAMEO code (04)" value="${esc(params.get('code'))}">
    <select name="quad"><option value="">any quad class</option>${['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict']
      .map((n, i) => `<option value="${i + 1}" ${params.get('quad') == i + 1 ? 'selected' : ''}>${n}</option>`).join('')}</select>
    <input name="from" type="date" value="${esc(params.get('from'))}"> <input name="to" type="date" value="${esc(params.get('to'))}">
    <button>Filter</button></form>
  <p>${events.length} events</p>
  <table id="timeline"><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>Goldstein</th><th>mentions / sources</th><th>evidence</th></tr>
  ${events.map((e) => `<tr class="event q${e.quad}" data-id="${e.id}"><td>${esc(e.date)}</td><td>${actor(e.source)}</td>
    <td>${esc(e.code)}</td><td>${actor(e.target)}</td><td>${e.goldstein ?? ''}</td><td>${e.mentions} / ${e.sources}</td>
    <td>${esc(e.evidence)}</td></tr>`).join('')}</table>`;
  document.getElementById('filters').onsubmit = (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams([...new FormData(ev.target)].filter(([, v]) => v));
    location.hash = `#/?${p}`;
  };
  for (const tr of view.querySelectorAll('tr.event')) tr.onclick = () => openEvent(tr.dataset.id);
}

async function openEvent(id) {
  const e = await api(`/api/events/${id}`);
  const m = e.mentions_list[0];
  if (!m) return;
  const [b, en] = m.end > m.begin ? [m.begin, m.end] : [m.sentence_begin, m.sentence_end];
  location.hash = `#/doc/${m.document}?b=${b}&e=${en}&event=${id}`;
}

// Marks spans given in UTF-8 byte offsets over the text.
function highlight(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) { cuts.add(s.begin); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= bytes.length).sort((a, b) => a - b);
  const rank = { evidence: 4, event: 3, quote: 2, entity: 1 };
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = esc(dec.decode(bytes.slice(a, b)));
    const over = spans.filter((s) => s.begin <= a && s.end >= b && s.end > s.begin);
    if (!over.length) { html += piece; continue; }
    over.sort((x, y) => rank[y.kind] - rank[x.kind]);
    const top = over[0];
    html += `<mark class="${top.kind}" title="${esc(over.map((s) => s.title).join(' | '))}"${top.id ? ` data-event="${top.id}"` : ''}>${piece}</mark>`;
  }
  return html;
}

async function article(id, params) {
  const d = await api(`/api/documents/${id}`);
  const spans = [
    ...d.entities.map((x) => ({ ...x, kind: 'entity', title: `${x.type} ${x.canonical ?? x.text}${x.actor ? ' ' + x.actor : ''}` })),
    ...d.quotes.map((x) => ({ ...x, kind: 'quote', title: `quote: ${x.speaker_canonical ?? x.speaker_text ?? '?'}` })),
    ...d.events.map((x) => ({ ...x, kind: 'event', title: `event ${x.code}: ${x.source ?? '?'} → ${x.target ?? '?'}` })),
  ];
  if (params.get('b')) spans.push({ begin: +params.get('b'), end: +params.get('e'), kind: 'evidence', title: 'evidence', id: params.get('event') });
  view.innerHTML = `<h2>${esc(d.title || d.doc)}</h2><p>${esc(d.source)} · ${esc(d.date)} · ${esc(d.path)}</p>
    <article class="text" id="article">${highlight(d.text, spans)}</article>
    <h3>Events</h3><ul>${d.events.map((e) => `<li><a href="#/doc/${id}?b=${e.begin}&e=${e.end}&event=${e.id}">${esc(e.code)}</a>
      ${esc(e.source ?? '?')} → ${esc(e.target ?? '?')}: “${esc(e.evidence)}”</li>`).join('')}</ul>
    <h3>Quotes</h3><ul>${d.quotes.map((q) => `<li>${esc(q.speaker_canonical ?? q.speaker_text ?? '?')}: “${esc(q.text)}”</li>`).join('')}</ul>`;
  view.querySelector('mark.evidence')?.scrollIntoView({ block: 'center' });
}

async function search(params) {
  const q = params.get('q') || '';
  const { hits } = await api(`/api/search?${new URLSearchParams({ q })}`);
  view.innerHTML = `<h2>Search: ${esc(q)}</h2><p>${hits.length} sentences</p><ol id="hits">${hits.map((h) =>
    `<li><a href="#/doc/${h.document}?b=${h.begin}&e=${h.end}">${esc(h.title || h.doc)}</a> ${esc(h.date)}<br>
     <span class="snippet">${esc(h.snippet).replace(/\[/g, '<b>').replace(/\]/g, '</b>')}</span></li>`).join('')}</ol>`;
}

async function network() {
  const { nodes, edges } = await api('/api/actors');
  view.innerHTML = '<h2>Actor network</h2><p>Edges: events between two actors, width by count, colour by Goldstein (red conflict, green cooperation).</p><div id="network"></div>';
  cytoscape({
    container: document.getElementById('network'),
    elements: [...nodes.map((n) => ({ data: { id: n.id, events: n.events } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, events: e.events, colour: goldColour(e.goldstein_avg) } }))],
    style: [{ selector: 'node', style: { label: 'data(id)', width: 'mapData(events, 1, 50, 20, 60)', height: 'mapData(events, 1, 50, 20, 60)', 'background-color': '#1f3347' } },
      { selector: 'edge', style: { width: 'mapData(events, 1, 50, 1, 12)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } }],
    layout: { name: 'cose' },
  });
}

async function dyads(params) {
  const by = params.get('by') || 'day';
  const { dyads: rows } = await api(`/api/dyads?by=${encodeURIComponent(by)}`);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const pairs = [...new Set(rows.map((r) => `${r.source}→${r.target}`))].slice(0, 12);
  view.innerHTML = `<h2>Dyads: Goldstein sum per ${esc(by)}</h2><p>${['day', 'week', 'month'].map((b) => `<a href="#/dyads?by=${b}">${b}</a>`).join(' ')}</p><canvas id="dyad-chart"></canvas>`;
  new Chart(document.getElementById('dyad-chart'), {
    type: 'line',
    data: { labels: periods, datasets: pairs.map((p) => ({ label: p, data: periods.map((t) => rows.find((r) => r.period === t && `${r.source}→${r.target}` === p)?.goldstein ?? 0) })) },
  });
}

async function stories() {
  const { stories: rows } = await api('/api/stories');
  view.innerHTML = `<h2>Stories</h2><ul>${rows.map((s) => `<li><a href="#/story/${s.id}">${esc(s.title || 'story ' + s.id)}</a>
    ${esc(s.first_date)} – ${esc(s.last_date)}: ${s.documents} articles, ${s.events} events</li>`).join('')}</ul>`;
}

async function story(id) {
  const s = await api(`/api/stories/${id}`);
  view.innerHTML = `<h2>${esc(s.title || 'story ' + s.id)}</h2><p>${esc(s.first_date)} – ${esc(s.last_date)}</p>
    <p>Actors: ${s.actors.map((a) => `${esc(a.code)} (${a.events})`).join(', ')}</p>
    <h3>Articles</h3><ul>${s.documents.map((d) => `<li><a href="#/doc/${d.id}">${esc(d.title || d.doc)}</a> ${esc(d.source)} ${esc(d.date)}</li>`).join('')}</ul>
    <h3>Timeline</h3><ul>${s.events.map((e) => `<li><a href="#/event/${e.id}">${esc(e.date)} ${esc(e.code)}</a> ${actor(e.source)} → ${actor(e.target)}</li>`).join('')}</ul>`;
}

async function route() {
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  try {
    if (!parts.length) await timeline(params);
    else if (parts[0] === 'doc') await article(parts[1], params);
    else if (parts[0] === 'event') await openEvent(parts[1]);
    else if (parts[0] === 'search') await search(params);
    else if (parts[0] === 'network') await network();
    else if (parts[0] === 'dyads') await dyads(params);
    else if (parts[0] === 'stories') await stories();
    else if (parts[0] === 'story') await story(parts[1]);
    else view.innerHTML = '<p>Nothing here.</p>';
  } catch (err) {
    view.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
}

document.getElementById('search-form').onsubmit = (ev) => {
  ev.preventDefault();
  location.hash = `#/search?${new URLSearchParams({ q: document.getElementById('search-box').value })}`;
};
window.addEventListener('hashchange', route);
api('/api/stats').then((s) => { document.getElementById('stats').textContent = `${s.documents} articles · ${s.events} events · ${s.quotes} quotes`; }).catch(() => {});
route();
