// Simulate: a bundled scenario's question, scale and actors; the expected-utility bargaining model
// (METHODS 5) run on it with the positions per round as a line chart, the offers of a chosen round,
// and optionally a seeded Monte Carlo with the distribution of the forecast and the share of runs
// per region of the scale.
import {
  api, chart, el, errorBox, fmt, frame, ready, select,
} from '../common.js';

// The API's caps (SimulateRoutes.MAX_ROUNDS and MAX_RUNS).
const MAX_ROUNDS = 100;
const MAX_RUNS = 20000;
const DEFAULT_SEED = '20240619';

// Presets in plain words. The 2014 replication fixes Rg at 6, which rejects the scenarios' 0..100
// scales, so it runs here with Rg taken from the data (the API's rg=auto).
const PRESETS = [
  ['', 'default (stops when settled, ≤ 20 rounds)'],
  ['scholz', 'Scholz\'s code (10 rounds)'],
  ['replication', '2014 replication (10 rounds, Rg from data)'],
  ['paper', '2011 paper (≤ 20 rounds)'],
];

const OFFER_TYPES = {
  confrontation: 'confrontation: moves all the way to the challenger',
  compromise: 'compromise: moves part of the way',
  capitulation: 'capitulation: gives in to the challenger',
};

const STOPPED = {
  'max-rounds': 'the round limit was reached',
  converged: 'the positions stopped moving',
  'fixed-point': 'the positions repeated the previous round\'s',
  cycle: 'the positions repeated an earlier round\'s (a cycle)',
  consensus: 'all actors agreed from the start',
  'equal-theta': 'no actor was more exposed than another (equal risk), no round was played',
};

/** The short name of an end of the scale (up to its first colon), wrapped for an axis label. */
function endLabel(text) {
  const short = text.split(':')[0];
  const words = short.split(' ');
  const lines = [''];
  for (const w of words) {
    if (lines[lines.length - 1].length + w.length > 20 && lines[lines.length - 1]) lines.push('');
    lines[lines.length - 1] += (lines[lines.length - 1] ? ' ' : '') + w;
  }
  return lines.join('\n');
}

/** n shades from light to dark blue, one per region (low end of the scale first). */
function regionColours(n) {
  const a = [198, 219, 239];
  const b = [33, 102, 172];
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 1 : i / (n - 1);
    return `rgb(${a.map((x, k) => Math.round(x + (b[k] - x) * t)).join(',')})`;
  });
}

function regionOf(regions, x) {
  const i = regions.findIndex((r) => x < r.to);
  return i < 0 ? regions.length - 1 : i;
}

export async function render(main, arg, params, current) {
  const scenarios = await api('simulate/scenarios');
  if (!current()) return;
  const sc = scenarios.find((s) => s.id === arg) || scenarios[0];
  const preset = params.get('preset') || '';
  const rounds = params.get('rounds') || '';
  const runs = params.get('runs') || '0';
  const seed = params.get('seed') || DEFAULT_SEED;
  const go = (changes) => {
    const p = new URLSearchParams({ preset, rounds, runs, seed, ...changes });
    const id = p.get('scenario') || sc.id;
    p.delete('scenario');
    for (const k of [...p.keys()]) if (!p.get(k)) p.delete(k);
    location.hash = `#/simulate/${id}?${p}`;
  };

  const roundsInput = el('input', {
    id: 'sim-rounds', type: 'number', min: 1, max: MAX_ROUNDS, value: rounds, placeholder: 'preset\'s', style: 'width:80px',
  });
  const runsInput = el('input', {
    id: 'sim-runs', type: 'number', min: 0, max: MAX_RUNS, step: 100, value: runs, style: 'width:90px',
  });
  const seedInput = el('input', { id: 'sim-seed', type: 'number', value: seed, style: 'width:110px' });
  let presetValue = preset;
  main.append(
    el('h2', {}, `Simulate: ${sc.title}`),
    el('p', { class: 'lead' },
      'Bueno de Mesquita\'s expected-utility bargaining model (METHODS 5): each round every state ',
      'weighs challenging the others, accepts the best offer it gets and moves; the forecast is the ',
      'capability×salience-weighted mean (the 2014 replication: median) of the positions after the ',
      'last round. Choose a bundled ',
      'scenario and a model setting, then run it; click a round in the chart to list its offers.'),
    el('div', { class: 'controls' },
      el('label', {}, 'Scenario ', select(scenarios.map((s) => [s.id, s.title]), sc.id,
        (v) => go({ scenario: v }), { id: 'sim-scenario' })),
      el('label', {}, 'Model ', select(PRESETS, preset, (v) => { presetValue = v; }, { id: 'sim-preset' })),
      el('label', {}, `Rounds (1–${MAX_ROUNDS}) `, roundsInput),
      el('label', { title: `Monte Carlo runs with perturbed inputs, at most ${MAX_RUNS.toLocaleString('en')}` },
        `Monte Carlo runs (0–${MAX_RUNS.toLocaleString('en')}) `, runsInput),
      el('label', {}, 'Seed ', seedInput),
      el('button', {
        id: 'sim-run', class: 'preset active',
        onclick: () => go({
          preset: presetValue, rounds: roundsInput.value, runs: runsInput.value || '0', seed: seedInput.value || DEFAULT_SEED,
        }),
      }, 'Run')));

  main.append(el('div', { class: 'panel', id: 'sim-question' },
    el('strong', {}, 'Question: '), sc.question, el('span', { class: 'muted' }, ` (${sc.period})`),
    el('div', { class: 'note' }, `Scale ${sc.scale.min}–${sc.scale.max}: ${sc.scale.min} = ${sc.scale.min_label}; `,
      `${sc.scale.max} = ${sc.scale.max_label}. Regions: `,
      sc.scale.regions.map((r) => `${r.from}–${r.to} ${r.label}`).join('; '), '. The states\' inputs are listed below the charts.')));

  const query = { scenario: sc.id, preset, rounds };
  if (preset === 'replication') query.rg = 'auto';
  if (Number(runs) > 0) Object.assign(query, { 'monte-carlo': runs, seed });
  let res;
  try {
    res = await api('simulate', query);
  } catch (e) {
    if (!current()) return;
    main.append(errorBox(`The model did not run: ${e.message}`));
    return;
  }
  if (!current()) return;
  const apiUrl = `/api/simulate?${new URLSearchParams(Object.entries(query).filter(([, v]) => v))}`;
  const run = res.run;
  const o = run.options;
  const played = run.rounds.length - 1;
  const region = sc.scale.regions[regionOf(sc.scale.regions, res.forecast)];
  const settings = `${PRESETS.find(([v]) => v === (res.preset || ''))?.[1] || res.preset} · Rg ${fmt(run.rg, 1)}`
    + ` · ${played} round${played === 1 ? '' : 's'} played (limit ${o.rounds}) · forecast: weighted ${o.forecast}`;

  main.append(el('div', { class: 'panel', id: 'sim-forecast' },
    el('strong', {}, `Forecast ${fmt(res.forecast, 1)} on ${sc.scale.min}–${sc.scale.max}: `), res.region,
    el('span', { class: 'muted' }, ` · stopped because ${STOPPED[run.stopped] || run.stopped}`),
    el('div', { class: 'note' }, `Model: ${settings}. Source: ${apiUrl}`)));

  const posBox = el('div', { class: 'chart tall', id: 'sim-positions' });
  const offersPanel = el('div', { class: 'panel', id: 'sim-offers' });
  main.append(el('h3', {}, 'Positions per round'), posBox,
    el('p', { class: 'note' }, 'States at the same position draw over each other; hover a round for every value.'),
    offersPanel);

  const names = Object.fromEntries(sc.actors.map((a) => [a.code, a.name]));
  const codes = sc.actors.map((a) => a.code);
  let selected = Math.max(1, run.rounds.findIndex((r) => r.offers && r.offers.length > 0));
  if (params.has('round')) selected = Math.min(played, Math.max(0, Number(params.get('round'))));
  if (played === 0) selected = 0;

  const colours = regionColours(sc.scale.regions.length);
  const pos = chart(posBox);
  const drawPositions = () => pos.setOption({
    animation: false,
    title: {
      text: 'Position of each state after each round (round 0: the scenario\'s inputs)',
      subtext: `Source: ${apiUrl} · ${settings}`,
      left: 10, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 },
    },
    legend: { bottom: 4, data: [...codes.map((c) => names[c] || c), 'weighted mean'] },
    grid: { left: 170, right: 30, top: 70, bottom: 70 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => fmt(v, 1),
    },
    xAxis: {
      type: 'category', name: 'round', nameLocation: 'middle', nameGap: 26,
      data: run.rounds.map((r) => String(r.round)),
    },
    yAxis: {
      type: 'value', min: sc.scale.min, max: sc.scale.max,
      interval: (sc.scale.max - sc.scale.min) / 4,
      axisLabel: {
        lineHeight: 13,
        formatter: (v) => (v === sc.scale.max ? `${endLabel(sc.scale.max_label)}  ${v}`
          : v === sc.scale.min ? `${endLabel(sc.scale.min_label)}  ${v}` : String(v)),
      },
    },
    series: [
      ...codes.map((c, i) => ({
        name: names[c] || c, type: 'line', symbol: 'circle', symbolSize: 7, showSymbol: true, showAllSymbol: true,
        data: run.rounds.map((r) => r.positions[c]),
        ...(i === 0 ? {
          markArea: {
            silent: true,
            data: sc.scale.regions.map((r, k) => [
              {
                yAxis: r.from, itemStyle: { color: colours[k], opacity: 0.18 },
                label: { position: 'insideTopRight', color: '#5f6b76', fontSize: 11, formatter: r.label.split(':')[0] },
              }, { yAxis: r.to }]),
          },
          markLine: {
            silent: true, symbol: 'none', lineStyle: { color: '#1d2329', type: 'dotted' },
            label: { formatter: `offers of round ${selected}`, position: 'end', color: '#1d2329' },
            data: selected > 0 ? [{ xAxis: String(selected) }] : [],
          },
        } : {}),
      })),
      {
        name: 'weighted mean', type: 'line', symbol: 'diamond', symbolSize: 8, showAllSymbol: true,
        lineStyle: { type: 'dashed', width: 2, color: '#1d2329' }, itemStyle: { color: '#1d2329' },
        data: run.rounds.map((r) => r.mean),
      },
    ],
  });
  const drawOffers = () => {
    const r = run.rounds[selected];
    const offers = (r && r.offers) || [];
    offersPanel.replaceChildren(
      el('h3', {}, selected === 0 ? 'Round 0 is the scenario\'s inputs: no offers' : `Offers accepted in round ${selected}`),
      el('div', { class: 'controls' },
        el('label', {}, 'Round ', select(run.rounds.slice(1).map((x) => x.round), selected, (v) => {
          selected = Number(v);
          drawPositions();
          drawOffers();
        }, { id: 'sim-round' }))),
      offers.length === 0 ? el('p', { class: 'muted' }, 'No state accepted an offer in this round.')
        : el('table', { id: 'sim-offers-table' },
          el('tr', {}, el('th', {}, 'from (challenger)'), el('th', {}, 'to (moves)'), el('th', {}, 'type'),
            el('th', {}, 'position before'), el('th', {}, 'new position')),
          offers.map((f) => el('tr', { class: 'offer' },
            el('td', {}, names[f.from] || f.from), el('td', {}, names[f.to] || f.to),
            el('td', {}, OFFER_TYPES[f.type] || f.type),
            el('td', {}, fmt(f.old_position, 1)), el('td', {}, fmt(f.new_position, 1))))),
      el('p', { class: 'note' }, 'Each state takes at most one offer per round; all move at once. ',
        `Source: ${apiUrl}, round ${selected}.`));
  };
  pos.on('click', (p) => {
    const k = Number(p.name);
    if (k > 0) {
      selected = k;
      drawPositions();
      drawOffers();
    }
  });
  drawPositions();
  drawOffers();
  frame(posBox, pos, {
    view: 'simulate', subject: `${sc.id}-positions`, title: `Simulation ${sc.id}: positions per round (${apiUrl})`,
    note: `model run ${apiUrl} · ${settings}`, columns: ['round', ...codes, 'weighted_mean'],
    rows: run.rounds.map((r) => [r.round, ...codes.map((c) => r.positions[c]), r.mean]),
  });
  ready(posBox, run.rounds.length * codes.length);

  if (res.monte_carlo) monteCarlo(main, sc, res.monte_carlo, apiUrl, settings, colours);
  else {
    main.append(el('p', { class: 'note' },
      'Set Monte Carlo runs above 0 and run again for the distribution of the forecast under perturbed inputs.'));
  }
  main.append(inputsPanel(sc));
}

/** The scenario's inputs: each state's capability, position and salience with its source. */
function inputsPanel(sc) {
  const valueCell = (value, source) => el('td', {}, el('strong', {}, value), el('div', { class: 'note' }, source));
  return el('div', { id: 'sim-inputs' },
    el('h3', {}, 'The scenario\'s inputs and their sources'),
    el('p', { class: 'note' }, `Capability: ${sc.capability_index}`),
    el('div', { class: 'table-wrap' }, el('table', { id: 'sim-actors' },
      el('tr', {}, el('th', {}, 'state'), el('th', {}, 'capability'), el('th', {}, 'position'),
        el('th', {}, 'salience (0–1)')),
      sc.actors.map((a) => el('tr', {},
        el('td', {}, a.name),
        valueCell(fmt(a.capability, 3), a.capability_source),
        valueCell(fmt(a.position, 0), a.position_source),
        valueCell(fmt(a.salience, 2), a.salience_source))))),
    sc.notes ? el('p', { class: 'note' }, sc.notes) : null);
}

function monteCarlo(main, sc, mc, apiUrl, settings, colours) {
  const p = mc.perturbation;
  const w = sc.scale.max - sc.scale.min;
  const how = `${mc.runs.toLocaleString('en')} runs, seed ${mc.seed}; each run perturbs every input: `
    + `position ± normal, sd ${fmt(p.position_sd * w, 1)}; salience ± uniform ${fmt(p.salience_half_width, 2)}; `
    + `capability × log-normal, sd ${fmt(p.capability_log_sd, 2)}`;
  const hist = el('div', { class: 'chart', id: 'sim-histogram' });
  const shares = el('div', { class: 'chart', id: 'sim-regions' });
  main.append(
    el('h3', {}, 'Monte Carlo: the forecast under perturbed inputs'),
    el('p', { class: 'lead', id: 'sim-mc-summary' },
      `${how}. Mean forecast ${fmt(mc.mean, 1)} (sd ${fmt(mc.sd, 1)}), median ${fmt(mc.p50, 1)}, `,
      `5–95%: ${fmt(mc.p05, 1)}–${fmt(mc.p95, 1)}.`),
    el('div', { class: 'row' }, el('div', {}, hist), el('div', {}, shares)));
  const bins = mc.histogram;
  const h = chart(hist);
  h.setOption({
    animation: false,
    title: {
      text: 'Distribution of the forecast',
      subtext: `Source: ${apiUrl}\n${mc.runs.toLocaleString('en')} runs, seed ${mc.seed}\n${settings}`,
      left: 10, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11, lineHeight: 15 },
    },
    grid: { left: 60, right: 20, top: 100, bottom: 50 },
    tooltip: { formatter: (q) => `${q.name}: ${q.value} runs (${fmt(100 * q.value / mc.runs, 1)}%)` },
    xAxis: {
      type: 'category', name: 'forecast (position on the scale)', nameLocation: 'middle', nameGap: 30,
      data: bins.map((b) => `${fmt(b.from, 0)}–${fmt(b.to, 0)}`), axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', name: 'runs', minInterval: 1 },
    series: [{
      type: 'bar', barCategoryGap: '5%',
      data: bins.map((b) => ({
        value: b.count, itemStyle: { color: colours[regionOf(sc.scale.regions, (b.from + b.to) / 2)] },
      })),
    }],
  });
  const model = `model run ${apiUrl} · ${mc.runs.toLocaleString('en')} runs, seed ${mc.seed}`;
  frame(hist, h, {
    view: 'simulate', subject: `${sc.id}-forecast-distribution`, title: `Simulation ${sc.id}: distribution of the forecast`,
    note: model, columns: ['from', 'to', 'runs'], rows: bins.map((b) => [b.from, b.to, b.count]),
  });
  ready(hist, bins.filter((b) => b.count > 0).length);
  const s = chart(shares);
  s.setOption({
    animation: false,
    title: {
      text: 'Share of runs per region of the scale',
      subtext: `Source: ${apiUrl} · ${mc.runs.toLocaleString('en')} runs, seed ${mc.seed}`,
      left: 10, top: 4, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11 },
    },
    grid: { left: 210, right: 60, top: 70, bottom: 30 },
    tooltip: { formatter: (q) => `${mc.regions[q.dataIndex].label}: ${fmt(100 * q.value, 1)}% of runs` },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
    yAxis: {
      type: 'category', inverse: true,
      data: mc.regions.map((r) => `${fmt(r.from, 0)}–${fmt(r.to, 0)} ${endLabel(r.label)}`),
      axisLabel: { lineHeight: 13 },
    },
    series: [{
      type: 'bar',
      data: mc.regions.map((r, k) => ({ value: r.share, itemStyle: { color: colours[k] } })),
      label: { show: true, position: 'right', formatter: (q) => `${fmt(100 * q.value, 1)}%` },
    }],
  });
  frame(shares, s, {
    view: 'simulate', subject: `${sc.id}-regions`, title: `Simulation ${sc.id}: share of runs per region`,
    note: model, columns: ['from', 'to', 'region', 'share'], rows: mc.regions.map((r) => [r.from, r.to, r.label, r.share]),
  });
  ready(shares, mc.regions.length);
}
