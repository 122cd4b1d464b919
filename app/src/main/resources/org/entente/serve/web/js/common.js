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
export const sources = { current: null, all: [], info: [] };

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

/**
 * The plain words for the API's codes (configurations, quads, outcomes, sources, scores,
 * frequencies, seeds), from /api/labels: the registry org.entente.report.Labels. Filled at start.
 */
export const labels = {};

/** The label of CODE in FAMILY (e.g. label('sources', 'gdelt1')), or the code where none is known. */
export function label(family, code) {
  const m = labels[family];
  return (m && m[code]) || String(code);
}

/** A configuration with its signs, e.g. "romantic triangle (++−)". */
export function configName(type) {
  return `${label('configurations', type)} (${label('configuration_signs', type)})`;
}

/** A triangle period in words from its fields: "romantic triangle, pivot RUS between CHN and USA". */
export function describeConfig(p) {
  const name = label('configurations', p.configuration);
  if (p.pivot) return `${name}: ${p.pivot} the pivot between ${(p.wings || []).join(' and ')}`;
  if (p.outcast) return `${name} of ${(p.partners || []).join(' and ')}, ${p.outcast} the outcast`;
  if (p.configuration === 'INDETERMINATE') {
    const zero = p.sides.filter((s) => s.sign === 0).map((s) => `${s.dyad} (${s.n === 0 ? 'no events' : 'neutral'})`);
    return `${name}: sign 0 on ${zero.join(', ')}`;
  }
  return name;
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

// ---- Confidence: values resting on few events, and periods without data ----

/** Fewer events than this in a period make its value low-confidence (the API's low_confidence). */
export const LOW_N = 5;

/** Item style of a low-confidence bar or band segment: hatched over its colour. */
export const HATCH = {
  symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: 'rgba(30,35,41,0.45)',
};

/** Item style of a low-confidence point on a line: hollow and grey. */
export const LOW_POINT = { symbol: 'emptyCircle', symbolSize: 8, itemStyle: { color: '#8a949e', borderType: 'dashed' } };

/** The first and last month (YYYY-MM) of the current source's data, or null when unknown. */
export function coverage() {
  const s = (sources.info || []).find((x) => x.source === sources.current);
  return s && s.first ? { first: s.first.slice(0, 7), last: s.last.slice(0, 7) } : null;
}

/** Whether a period (YYYY, YYYY-Qn or YYYY-MM) lies wholly outside the current source's data. */
export function outsideCoverage(period) {
  const c = coverage();
  return !!c && (periodEnd(period) < c.first || periodStart(period) > c.last);
}

/** markArea items shading the parts of [first, last) (days) outside the source's data. */
export function coverageAreas(first, last) {
  const c = coverage();
  if (!c) return [];
  const style = { color: 'rgba(160,167,174,0.18)', decal: HATCH };
  const label = { show: true, position: 'insideTop', fontSize: 10, color: '#5f6b76', formatter: 'no data in source' };
  const out = [];
  if (day(c.first) > first) out.push([{ xAxis: first, itemStyle: style, label }, { xAxis: day(c.first) }]);
  if (dayAfter(c.last) < last) out.push([{ xAxis: dayAfter(c.last), itemStyle: style, label }, { xAxis: last }]);
  return out;
}

/**
 * The legend of the confidence styling, the same words in every view: KINDS picks the entries the
 * view draws ('low', 'gap', 'outside'); EXTRA are more entries.
 */
export function confidenceLegend(kinds, ...extra) {
  const entries = {
    low: ['hatched', `hatched or hollow grey: rests on fewer than ${LOW_N} events (low confidence)`],
    gap: ['gap', 'gap in the line, open marker on the axis: no events in the period (n = 0)'],
    outside: ['outside', 'grey hatched band: outside the source\'s data (no coverage)'],
  };
  return el('div', { class: 'legend confidence-legend' },
    kinds.map((k) => el('span', {}, el('i', { class: `swatch ${entries[k][0]}` }), entries[k][1])), extra);
}

// ---- Chart captions and exports ----

function csvCell(v) {
  const s = v === null || v === undefined || Number.isNaN(v) ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV text: comment lines naming view, source and frequency, then the header and the rows. */
export function toCsv(meta) {
  const head = [
    `# ${meta.title}`,
    `# source: ${meta.source ? `${meta.source} (${label('sources', meta.source)})` : 'none (model output)'}`,
    `# frequency: ${meta.freq || 'none'}`,
  ];
  return [...head, meta.columns.map(csvCell).join(','), ...meta.rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
}

/** A file name for an export: view, subject, source, frequency. */
function fileName(meta, ext) {
  return [meta.view, meta.subject, meta.source, meta.freq].filter(Boolean).join('-').replace(/[^A-Za-z0-9_.-]+/g, '_') + `.${ext}`;
}

/** The chart as an SVG document (rendered again with ECharts' SVG renderer, off screen). */
function svgOf(c) {
  const s = echarts.init(null, null, { renderer: 'svg', ssr: true, width: c.getWidth(), height: c.getHeight() });
  try {
    // no aria label: it is written onto the chart's DOM element, which an off-screen chart lacks
    s.setOption({ ...c.getOption(), aria: { enabled: false, label: { enabled: false } }, backgroundColor: '#fff', animation: false });
    return s.renderToSVGString();
  } finally {
    s.dispose();
  }
}

/** The data URL of an export of chart C in FORMAT png, svg or csv. */
export function exportUrl(c, meta, format) {
  if (format === 'png') return c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  if (format === 'svg') return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgOf(c))}`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(meta))}`;
}

/**
 * Gives the chart in BOX a caption (source, frequency, n) and export buttons (PNG, SVG, CSV), and
 * keeps META for the exports: {view, subject, title, source, freq, n, columns, rows, low}. Call it
 * again after each redraw; the caption and the exports follow.
 */
export function frame(box, c, meta) {
  let foot = box.nextElementSibling;
  if (!foot || !foot.classList.contains('chart-foot')) {
    foot = el('div', { class: 'chart-foot' });
    box.after(foot);
  }
  const src = meta.source ? label('sources', meta.source) : 'model output';
  const parts = [`Source: ${src}`, meta.freq ? label('frequencies', meta.freq) : null,
    meta.n === undefined ? null : `n = ${meta.n.toLocaleString('en')} events`,
    meta.low ? `${meta.low} low-confidence value${meta.low === 1 ? '' : 's'} (n < ${LOW_N})` : null,
    meta.note || null].filter(Boolean);
  const button = (format) => el('a', {
    class: 'export', href: '#', download: fileName(meta, format), role: 'button', dataset: { format },
    title: `Download this chart ${format === 'csv' ? 'data' : ''} as ${format.toUpperCase()}`,
    onclick: (ev) => { ev.currentTarget.href = exportUrl(c, meta, format); },
  }, format.toUpperCase());
  foot.replaceChildren(el('span', { class: 'caption' }, parts.join(' · ')),
    el('span', { class: 'exports' }, 'Download ', button('png'), button('svg'), button('csv')));
  Object.assign(box.dataset, {
    source: meta.source || '', freq: meta.freq || '', n: String(meta.n ?? ''), lowConfidence: String(meta.low || 0),
    csvRows: String(meta.rows.length), csvColumns: meta.columns.join(','),
  });
}
