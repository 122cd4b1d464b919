// The dashboard: a hash router over six views, each calling the read-only JSON API.
import { api, disposeCharts, errorBox } from './common.js';
import * as map from './views/map.js';
import * as dyad from './views/dyad.js';
import * as triangles from './views/triangles.js';
import * as propositions from './views/propositions.js';
import * as timeline from './views/timeline.js';
import * as simulate from './views/simulate.js';

const VIEWS = { map, dyad, triangles, propositions, timeline, simulate };

/** #/NAME/ARG?key=value → {name, arg, params}. */
function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = h.split('?');
  const [name, ...rest] = path.split('/');
  return { name: VIEWS[name] ? name : 'map', arg: decodeURIComponent(rest.join('/')), params: new URLSearchParams(query) };
}

let generation = 0;

async function route() {
  const { name, arg, params } = parseHash();
  const mine = ++generation;
  disposeCharts();
  document.body.dataset.view = name;
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === name));
  const main = document.getElementById('view');
  main.replaceChildren();
  main.dataset.ready = 'false';
  try {
    await VIEWS[name].render(main, arg, params, () => mine === generation);
  } catch (e) {
    if (mine === generation) main.append(errorBox(`Could not load this view: ${e.message}`));
  }
  if (mine === generation) main.dataset.ready = 'true';
}

async function storeInfo() {
  try {
    const info = await api('info');
    const ext = info.extent ? ` · ${info.extent.first} – ${info.extent.last}` : '';
    document.getElementById('store-info').textContent = `${info.store}: ${info.events.toLocaleString('en')} events${ext}`;
  } catch (e) {
    document.getElementById('store-info').textContent = 'store unavailable';
  }
}

window.addEventListener('hashchange', route);
storeInfo();
route();
