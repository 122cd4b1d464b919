// Shared helpers of the dashboard: API calls, DOM building, colours and chart lifecycle.

/** The six states, in the order the dashboard lists them. */
export const SIX = ['RUS', 'PRK', 'CHN', 'USA', 'KOR', 'JPN'];

export const NAMES = {
  RUS: 'Russia', PRK: 'North Korea', CHN: 'China', USA: 'United States', KOR: 'South Korea', JPN: 'Japan',
};

/** The 15 undirected dyads among the six states. */
export function coreDyads() {
  const out = [];
  for (let i = 0; i < SIX.length; i++) {
    for (let j = i + 1; j < SIX.length; j++) out.push(`${SIX[i]}-${SIX[j]}`);
  }
  return out;
}

/** The routes that read a data source of the store (they take source=). */
const SOURCE_ROUTES = new Set(['series', 'system', 'triangle', 'periods', 'leadlag', 'character', 'verdicts']);

/**
 * The data source the views read: the header's selector sets it. Sources are never pooled: every
 * call of a source route names one (unless the store holds at most one).
 */
export const sources = { current: null, all: [] };

/** GET /api/PATH with query parameters; rejects with the server's message on an error status. */
export async function api(path, params = {}) {
  const q = new URLSearchParams();
  if (SOURCE_ROUTES.has(path) && sources.current && params.source === undefined) q.set('source', sources.current);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const url = `/api/${path}${q.toString() ? '?' + q : ''}`;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new Error(body.message || `${res.status} ${res.statusText}`);
    e.status = res.status;
    throw e;
  }
  return body;
}

/** Builds an element: el('div', {class: 'x'}, child, 'text', ...). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A select with the given options (value or [value, label]). */
export function select(options, value, onchange, attrs = {}) {
  const s = el('select', { ...attrs, onchange: (ev) => onchange(ev.target.value) },
    options.map((o) => {
      const [v, label] = Array.isArray(o) ? o : [o, o];
      return el('option', { value: v, selected: String(v) === String(value) }, label);
    }));
  return s;
}

export function errorBox(message) {
  return el('div', { class: 'error', role: 'alert' }, message);
}

/** A source as a link when it is an http(s) URL, else as text. */
export function sourceNode(source, url) {
  if (url) return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, source);
  return document.createTextNode(source || '');
}

const POS = [26, 152, 80];
const NEG = [192, 57, 43];
const ZERO = [160, 167, 174];

function mix(a, b, t) {
  return `rgb(${a.map((x, i) => Math.round(x + (b[i] - x) * t)).join(',')})`;
}

/** Colour of a score in [-1, 1]: grey inside the band |s| <= tau or undefined, else green or red. */
export function scoreColour(s, tau = 0.1) {
  if (s === null || s === undefined || Number.isNaN(s) || Math.abs(s) <= tau) return mix(ZERO, ZERO, 0);
  const t = 0.35 + 0.65 * Math.min(1, Math.abs(s));
  return s > 0 ? mix(ZERO, POS, t) : mix(ZERO, NEG, t);
}

export function signColour(sign) {
  return sign > 0 ? 'rgb(26,152,80)' : sign < 0 ? 'rgb(192,57,43)' : 'rgb(160,167,174)';
}

/** Colours of the Dittmer configurations. */
export const CONFIG_COLOURS = {
  MENAGE_A_TROIS: '#1a9850',
  ROMANTIC_TRIANGLE: '#4575b4',
  STABLE_MARRIAGE: '#f39c12',
  UNIT_VETO: '#c0392b',
  INDETERMINATE: '#d5d9dd',
};

export const CONFIG_NAMES = {
  MENAGE_A_TROIS: 'ménage à trois (+++)',
  ROMANTIC_TRIANGLE: 'romantic triangle (++−)',
  STABLE_MARRIAGE: 'stable marriage (+−−)',
  UNIT_VETO: 'unit veto (−−−)',
  INDETERMINATE: 'indeterminate (a side is 0)',
};

// A text from the API with configuration names (MENAGE_A_TROIS, ...) in plain words.
export function plainConfig(text) {
  return String(text).replace(/\b(MENAGE_A_TROIS|ROMANTIC_TRIANGLE|STABLE_MARRIAGE|UNIT_VETO|INDETERMINATE)\b/g,
    (k) => CONFIG_NAMES[k].replace(/ \(.*\)$/, ''));
}

export function fmt(x, digits = 2) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return Number(x).toFixed(digits);
}

/** The first month (YYYY-MM) of a period labelled YYYY, YYYY-Qn or YYYY-MM. */
export function periodStart(label) {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return /^\d{4}$/.test(label) ? `${label}-01` : label;
}

/** The last month (YYYY-MM) of a period labelled YYYY, YYYY-Qn or YYYY-MM. */
export function periodEnd(label) {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  return /^\d{4}$/.test(label) ? `${label}-12` : label;
}

/** The first day of a period that starts in month YYYY-MM, as a time-axis value. */
export function day(month) {
  return `${month}-01`;
}

/** The first day after month YYYY-MM. */
export function dayAfter(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const charts = new Set();

/** Creates a chart in ELEMENT (disposed on the next view change). */
export function chart(element) {
  const c = echarts.init(element, null, { renderer: 'canvas' });
  charts.add(c);
  return c;
}

export function disposeCharts() {
  for (const c of charts) c.dispose();
  charts.clear();
}

window.addEventListener('resize', () => { for (const c of charts) c.resize(); });

/** Marks CONTAINER as rendered with N data items (read by the browser tests). */
export function ready(container, n) {
  container.dataset.items = String(n);
  container.dataset.ready = 'true';
}
