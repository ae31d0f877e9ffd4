// How values are shown: one place for numbers, actors and colours.
import { html } from './html.js';

export const goldstein = (g) => (g == null ? '' : Number(g).toFixed(1));

// An actor as its code with the words the text used for it beside ("CHNGOV Wang Yi").
export const actor = (a) => {
  const code = a?.code || '?';
  return a?.text ? html`${code} <span class="actor-text">${a.text}</span>` : html`${code}`;
};

export const goldColour = (g) => (g == null ? '#999'
  : g < 0 ? `rgb(${Math.min(255, 120 + -g * 13)},40,40)` : `rgb(40,${Math.min(255, 120 + g * 13)},60)`);

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
