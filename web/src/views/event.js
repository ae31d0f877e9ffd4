import { api } from '../api.js';
import { html } from '../html.js';
import { actor, goldstein, codeLabel, sizeTag, contestedTag, place, TIME_PRECISION } from '../format.js';

// An event with what its reports say (size, claims, contested, location, plover): the
// single-event endpoint carries the fields of the list, and each report's.
export async function eventWithReports(id) {
  return api(`/api/events/${encodeURIComponent(id)}`);
}

const STANCES = { blames: 'blames', accuses: 'accuses', claims: 'claims it was', denies: 'denies it was', attributes: 'says it was' };

// The event beside its article: code · PLOVER type, actors, place, casualty figures, a
// contested badge, who says what (each claim linked to its sentence), its other reports.
export function eventPanel(e) {
  // A claim names its article by row id (two articles may share a file name).
  const docOf = (c) => c.document ?? (e.mentions_list ?? []).find((m) => m.doc === c.doc)?.document;
  const claims = Array.isArray(e.claims) ? e.claims : [];
  const reports = e.mentions_list ?? [];
  const when = e.date ? html`${e.date}${e.time_precision > 1 ? html` <span class="precision">(${TIME_PRECISION[e.time_precision] ?? 'vague'})</span>` : ''}` : 'undated';
  return html`<aside id="event-panel" class="event-panel q${e.quad}">
  <h3>Event ${e.id}: ${when} · ${codeLabel(e)}${contestedTag(e)}</h3>
  <p>${actor(e.source)} → ${actor(e.target)} · Goldstein ${goldstein(e.goldstein)} · ${e.mentions} report${e.mentions === 1 ? '' : 's'}, ${e.sources} source${e.sources === 1 ? '' : 's'}${e.location ? html` · in ${place(e.location)}` : ''}${sizeTag(e)}</p>
  ${claims.length ? html`<h4>Who says what</h4><ul id="claims">${claims.map((c) => html`<li class="claim">${actor(c.by)}
    <span class="stance ${c.stance}">${STANCES[c.stance] ?? c.stance}</span> ${actor(c.party)}<br>
    ${docOf(c) != null ? html`<a href="#/doc/${docOf(c)}?sent=${c.sent}&event=${e.id}">${c.doc}, sentence ${c.sent}</a>` : html`${c.doc ?? ''} sentence ${c.sent}`}${c.evidence ? html`: “${c.evidence}”` : ''}</li>`)}</ul>` : ''}
  ${reports.length > 1 ? html`<h4>Reports</h4><ul id="reports">${reports.map((m) => html`<li><a href="#/doc/${m.document}?b=${m.begin}&e=${m.end}&event=${e.id}">${m.outlet ?? m.doc} ${m.published ?? ''}</a>: ${m.sentence}</li>`)}</ul>` : ''}
  </aside>`;
}
