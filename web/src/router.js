// Hash routes to views. Each view renders into `view`; what it returns (a chart,
// a graph) is destroyed when the next view starts. A loading line shows meanwhile.
import { html } from './html.js';

export function router(view, routes) {
  let current = null;  // the previous view's chart or graph
  let generation = 0;  // a slow answer for an old route must not overwrite a newer one
  return async function route() {
    const mine = ++generation;
    const [path, query] = (location.hash.slice(1) || '/').split('?');
    const params = new URLSearchParams(query || '');
    const [name = '', arg] = path.split('/').filter(Boolean);
    current?.destroy();
    current = null;
    view.innerHTML = html`<p class="loading">Loading…</p>`;
    const render = routes[name];
    try {
      if (!render) { view.innerHTML = html`<p>Nothing here.</p>`; return; }
      const made = await render(view, arg, params);
      if (mine !== generation) made?.destroy();
      else current = made ?? null;
    } catch (err) {
      if (mine === generation) view.innerHTML = html`<p class="error">${err.message}</p>`;
    }
  };
}
