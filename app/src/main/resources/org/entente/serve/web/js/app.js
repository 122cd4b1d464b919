// The dashboard: a hash router over six views, each calling the read-only JSON API.
import {
  api, disposeCharts, el, errorBox, label, labels, sources,
} from './common.js';
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
  if (mine === generation) {
    // every view that reads a series names the source it read
    const h = main.querySelector('h2');
    if (h && sources.current && READS_SOURCE.has(name)) {
      h.append(el('span', {
        class: 'source-badge', title: `Data source (header selector; --source ${sources.current})`, dataset: { source: sources.current },
      }, `source: ${label('sources', sources.current)}`));
    }
    main.dataset.ready = 'true';
  }
}

/** The views drawn from a data source of the store (the timeline and simulate are not). */
const READS_SOURCE = new Set(['map', 'dyad', 'triangles', 'propositions']);

/** The header: the store, and the selector of the data source every view reads. */
async function storeInfo() {
  const box = document.getElementById('store-info');
  try {
    const [info, words] = await Promise.all([api('info'), api('labels')]);
    Object.assign(labels, words);
    sources.info = info.sources;
    const ext = info.extent ? ` · ${info.extent.first} – ${info.extent.last}` : '';
    sources.all = info.sources.map((s) => s.source);
    const saved = localStorage.getItem('entente.source');
    sources.current = sources.all.includes(saved) ? saved : (sources.all[0] || null);
    const option = (s) => `${label('sources', s.source)} (${s.kind}, ${s.rows.toLocaleString('en')} rows)`;
    const picker = el('select', {
      id: 'source-select',
      'aria-label': 'Data source',
      title: 'Data source every view reads: sources are never pooled',
      onchange: (ev) => {
        sources.current = ev.target.value;
        localStorage.setItem('entente.source', sources.current);
        route();
      },
    }, info.sources.map((s) => el('option', { value: s.source, selected: s.source === sources.current }, option(s))));
    box.replaceChildren(`${info.store}${ext} · source `, picker);
  } catch (e) {
    box.textContent = 'store unavailable';
  }
}

// a view drawn before the header knows the store's sources would ask without a source (a 400 when
// the store holds several): every route, the first and any hash change during loading, waits for it
const storeReady = storeInfo();
window.addEventListener('hashchange', () => storeReady.then(route));
storeReady.then(route);
