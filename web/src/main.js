// The sitrep page: hash routes over the JSON API (docs/server.md), one module per view.
import { api } from './api.js';
import { router } from './router.js';
import { timeline, openEvent } from './views/timeline.js';
import { article } from './views/article.js';
import { search } from './views/search.js';
import { network, dyads } from './views/charts.js';
import { stories, story } from './views/stories.js';
import { map } from './views/map.js';

const view = document.getElementById('view');
const route = router(view, {
  '': (v, _, params) => timeline(v, params),
  doc: (v, id, params) => article(v, id, params),
  event: (v, id) => openEvent(v, id),
  search: (v, _, params) => search(v, params),
  network: (v) => network(v),
  dyads: (v, _, params) => dyads(v, params),
  stories: (v) => stories(v),
  story: (v, id) => story(v, id),
  map: (v, _, params) => map(v, params),
});

document.getElementById('search-form').onsubmit = (ev) => {
  ev.preventDefault();
  location.hash = `#/search?${new URLSearchParams({ q: document.getElementById('search-box').value })}`;
};
window.addEventListener('hashchange', route);
api('/api/stats').then((s) => { document.getElementById('stats').textContent = `${s.documents} articles · ${s.events} events · ${s.quotes} quotes`; }).catch(() => {});
route();
