import { Chart, registerables } from 'chart.js';
import cytoscape from 'cytoscape';
import { api } from '../api.js';
import { html } from '../html.js';
import { goldColour } from '../format.js';

Chart.register(...registerables);

// Each returns what the router must destroy when the view changes.
export async function network(view) {
  const { nodes, edges } = await api('/api/actors');
  view.innerHTML = html`<h2>Actor network</h2><p>Edges: events between two actors, width by count, colour by Goldstein (red conflict, green cooperation).</p><div id="network"></div>`;
  const cy = cytoscape({
    container: view.querySelector('#network'),
    elements: [...nodes.map((n) => ({ data: { id: n.id, events: n.events } })),
      ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, events: e.events, colour: goldColour(e.goldstein_avg) } }))],
    style: [{ selector: 'node', style: { label: 'data(id)', width: 'mapData(events, 1, 50, 20, 60)', height: 'mapData(events, 1, 50, 20, 60)', 'background-color': '#1f3347' } },
      { selector: 'edge', style: { width: 'mapData(events, 1, 50, 1, 12)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } }],
  });
  // The layout animates over frames; destroying the graph under it throws on its next frame
  // (cytoscape's cose refreshes positions once more after a stop), so stop it and destroy after.
  const layout = cy.layout({ name: 'cose' });
  layout.run();
  return { destroy() { layout.stop(); requestAnimationFrame(() => requestAnimationFrame(() => cy.destroy())); } };
}

export async function dyads(view, params) {
  const by = ['day', 'week', 'month'].includes(params.get('by')) ? params.get('by') : 'day';
  const { dyads: rows } = await api(`/api/dyads?by=${by}`);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const pairs = [...new Set(rows.map((r) => `${r.source}→${r.target}`))].slice(0, 12);
  view.innerHTML = html`<h2>Dyads: Goldstein sum per ${by}</h2><p>${['day', 'week', 'month'].map((b) => html`<a href="#/dyads?by=${b}">${b}</a> `)}</p><canvas id="dyad-chart"></canvas>`;
  return new Chart(view.querySelector('#dyad-chart'), {
    type: 'line',
    data: { labels: periods, datasets: pairs.map((p) => ({ label: p, data: periods.map((t) => rows.find((r) => r.period === t && `${r.source}→${r.target}` === p)?.goldstein ?? 0) })) },
  });
}
