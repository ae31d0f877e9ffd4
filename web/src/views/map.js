import { feature } from 'topojson-client';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import world from 'world-atlas/countries-110m.json';  // Natural Earth 1:110m, bundled: no tiles
import { api } from '../api.js';
import { html } from '../html.js';
import { isViolent, sizeText, place, GEO_PRECISION } from '../format.js';

const countries = feature(world, world.objects.countries).features;
const W = 1000, H = 520;
const hasCoords = (e) => Number.isFinite(e.location?.lat) && Number.isFinite(e.location?.lon);

// A dot's radius: by the larger of its reports and its dead (square root: area by count).
const radius = (e) => Math.min(18, 2 + 1.6 * Math.sqrt(Math.max(e.mentions ?? 1, e.size?.dead?.max ?? 0, 1)));

// The events that have coordinates as dots on a world map (SVG, d3-geo), with the
// timeline's filters (actor, code, quad, from, to); ?fit=events zooms to them. A dot opens
// its event as the timeline does. At most the API's 10,000 newest events.
export async function map(view, params) {
  const q = new URLSearchParams({ limit: '10000' });
  for (const k of ['code', 'quad', 'from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  if (params.get('actor')) q.set('involving', params.get('actor'));
  const { events } = await api(`/api/events?${q}`);
  const placed = events.filter(hasCoords).sort((a, b) => radius(b) - radius(a));  // small dots on top
  const projection = geoNaturalEarth1();
  const fit = params.get('fit') === 'events' && placed.length > 0;
  if (fit) {
    const lons = placed.map((e) => e.location.lon), lats = placed.map((e) => e.location.lat);
    const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const pad = Math.max(4, 0.2 * Math.max(x1 - x0, y1 - y0));
    const box = [[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad]]
      .map(([x, y]) => [Math.max(-180, Math.min(180, x)), Math.max(-85, Math.min(85, y))]);
    projection.fitExtent([[10, 10], [W - 10, H - 10]], { type: 'MultiPoint', coordinates: box });
  } else {
    projection.fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  }
  const path = geoPath(projection);
  const dots = placed.map((e) => {
    const [x, y] = projection([e.location.lon, e.location.lat]);
    const toll = sizeText(e.size);
    const who = `${e.source?.code ?? '?'}${e.source?.text ? ' (' + e.source.text + ')' : ''} → ${e.target?.code ?? '?'}${e.target?.text ? ' (' + e.target.text + ')' : ''}`;
    const title = [`${e.date ?? 'undated'} · ${e.code}${e.plover ? ' · ' + e.plover : ''}${e.contested ? ' · contested' : ''}`, who,
      `${place(e.location)}${GEO_PRECISION[e.geo_precision] ? ' (' + GEO_PRECISION[e.geo_precision] + ')' : ''}`, toll,
      `${e.mentions} report${e.mentions === 1 ? '' : 's'}`].filter(Boolean).join('\n');
    const cls = `dot${isViolent(e) ? ' violent' : ''}${e.geo_precision >= 3 || e.location?.point_of_country ? ' approx' : ''}`;
    return html`<circle class="${cls}" data-id="${e.id}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius(e).toFixed(1)}"><title>${title}</title></circle>`;
  });
  const missing = events.length - placed.length;
  const others = new URLSearchParams(params);
  if (fit) others.delete('fit'); else others.set('fit', 'events');
  view.innerHTML = html`<h2>Map</h2>
  <p id="map-count"><span id="map-placed">${placed.length}</span> events on the map, <span id="map-missing">${missing}</span> event${missing === 1 ? '' : 's'} without coordinates${events.length >= 10000 ? ' (of the 10,000 newest)' : ''}.
    ${placed.length ? html`<a href="#/map?${others}">${fit ? 'whole world' : 'zoom to the events'}</a>` : ''}</p>
  <p class="legend"><svg width="14" height="14"><circle class="dot violent" cx="7" cy="7" r="5"/></svg> violent (CAMEO 18–20)
    <svg width="14" height="14"><circle class="dot" cx="7" cy="7" r="5"/></svg> other events
    <svg width="14" height="14"><circle class="dot approx" cx="7" cy="7" r="5"/></svg> placed at a country's centre;
    area by reports or dead. Map: Natural Earth 1:110m (world-atlas).</p>
  <div id="map"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="world map of events">
    <path class="sphere" d="${path({ type: 'Sphere' })}"/><path class="graticule" d="${path(geoGraticule10())}"/>
    ${countries.map((c) => html`<path class="country" d="${path(c) ?? ''}"><title>${c.properties.name}</title></path>`)}
    <g id="dots">${dots}</g></svg></div>`;
  for (const c of view.querySelectorAll('#dots circle')) c.onclick = () => { location.hash = `#/event/${c.dataset.id}`; };
}
