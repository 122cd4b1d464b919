// Propositions: P1-P10 as cards with claim, seeds, operationalisation, verdict and the chart that
// carries the evidence (the series, triangle or chronology entries the test reads).
import {
  api, chart, confidenceLegend, coverageAreas, day, dayAfter, el, errorBox, fmt, frame, label,
  LOW_POINT, outsideCoverage, periodEnd, periodStart, ready, sources,
} from '../common.js';
import { bandMeta, bandOption } from './triangles.js';

const SERIES_COLOURS = ['#2c5d8f', '#c0392b', '#1a9850', '#8f5b8f'];

export async function render(main, _arg, _params, current) {
  main.append(
    el('h2', {}, 'Propositions'),
    el('p', { class: 'lead' },
      'The essays\' claims (SYSTEM.md P1–P10), each with the operationalisation written down ',
      'before any result, the verdict the data give under its rules, and the chart of the ',
      'evidence. Verdicts are computed on the served store when the page first asks for them.'));
  main.append(confidenceLegend(['low', 'gap', 'outside'],
    el('span', {}, el('i', { class: 'swatch dashed' }), 'dashed verdict and card: inconclusive or insufficient data')));
  const props = await api('propositions');
  if (!current()) return;
  const cards = el('div', { class: 'cards', id: 'proposition-cards' });
  main.append(cards);
  const slots = new Map();
  // a revision (v2 on) gets its own card next to the pre-registered version
  const key = (id, version) => (version && version > 1 ? `${id}-v${version}` : id);
  for (const p of props.propositions) {
    const k = key(p.id, p.operationalisation.version);
    const badge = el('span', { class: 'verdict pending' }, 'evaluating…');
    const reason = el('p', { class: 'muted' });
    const bySource = el('dl', { class: 'op by-source' });
    const evidence = el('details', {}, el('summary', {}, 'evidence'), el('pre', {}, '…'));
    const box = el('div', { class: 'chart small', id: `chart-${k}` });
    const card = el('article', { class: 'card', id: `card-${k}` },
      el('h3', {}, k === p.id ? p.id : `${p.id} v${p.operationalisation.version}`, badge),
      el('p', {}, p.claim),
      el('dl', { class: 'op' },
        el('dt', {}, 'seeds'), el('dd', { class: 'seeds' }, p.seeds.map((f) => label('seeds', f)).join('; ')),
        el('dt', {}, 'test'), el('dd', {}, p.test.replaceAll('_', ' ')),
        summary(p.operationalisation)),
      el('details', {}, el('summary', {}, 'operationalisation and verdict rules'),
        el('pre', {}, JSON.stringify({ ...p.operationalisation, verdict: p.verdict_rules }, null, 2))),
      reason, bySource, box, evidence);
    cards.append(card);
    slots.set(k, { badge, reason, evidence, box, p, bySource, card });
  }
  await Promise.all(props.propositions.map((p) => {
    const s = slots.get(key(p.id, p.operationalisation.version));
    return evidenceChart(s.box, p.operationalisation, p.test, key(p.id, p.operationalisation.version))
      .catch((e) => s.box.replaceWith(errorBox(`chart: ${e.message}`)));
  }));
  if (!current()) return;
  try {
    const v = await api('verdicts');
    if (!current()) return;
    for (const x of v.verdicts) {
      const s = slots.get(key(x.id, x.version));
      if (!s) continue;
      const badge = verdictBadge(x.verdict);
      s.badge.replaceWith(badge);
      s.badge = badge;
      s.card.classList.toggle('undecided', undecided(x.verdict));
      s.reason.textContent = x.reason;
      s.evidence.querySelector('pre').textContent = JSON.stringify(x.evidence, null, 2);
    }
  } catch (e) {
    for (const s of slots.values()) {
      s.badge.textContent = 'not evaluated';
      s.reason.textContent = e.message;
    }
  }
  // every source's verdict side by side (each source evaluated on its own, never pooled)
  if (sources.all.length > 1) {
    const runs = await Promise.all(sources.all.map((name) => api('verdicts', { source: name })
      .then((v) => [name, v]).catch((e) => [name, { error: e.message }])));
    if (!current()) return;
    for (const [name, v] of runs) {
      for (const s of slots.values()) {
        const x = v.verdicts && v.verdicts.find((y) => key(y.id, y.version) === key(s.p.id, s.p.operationalisation.version));
        s.bySource.append(el('dt', { dataset: { source: name } }, label('sources', name)),
          el('dd', { title: x ? x.reason : v.error }, verdictBadge(x ? x.verdict : 'not evaluated')));
      }
    }
  }
  ready(cards, props.propositions.length);
}

/** Verdicts that say the data could not decide: drawn dashed (low confidence). */
function undecided(verdict) {
  return verdict === 'inconclusive' || verdict === 'insufficient data';
}

function verdictBadge(verdict) {
  return el('span', { class: `verdict ${verdict.replace(' ', '-')}${undecided(verdict) ? ' undecided' : ''}` },
    label('outcomes', verdict));
}

/** A small object of the operationalisation in words: "direction x to y, sign negative". */
function plain(o) {
  if (o === null || typeof o !== 'object') return String(o);
  return Object.entries(o).map(([k, v]) => `${k.replaceAll('_', ' ')} ${plain(v).replaceAll('_', ' ')}`).join(', ');
}

function summary(op) {
  const out = [];
  const add = (k, v) => { if (v !== undefined && v !== null) out.push(el('dt', {}, k), el('dd', {}, v)); };
  const dyads = seriesOf(op).map((s) => `${s.dyad} (${s.measure ? s.measure.replaceAll('_', ' ') : label('scores', s.score || 's6')})`);
  add('series', dyads.length ? dyads.join(', ') : undefined);
  add('actors', op.actors ? op.actors.join('–') : undefined);
  add('frequency', op.frequency ? label('frequencies', op.frequency) : undefined);
  add('window', op.window ? `${op.window.from} – ${op.window.to || 'end'}` : undefined);
  add('before', op.before ? `${op.before.from} – ${op.before.to || 'end'}` : undefined);
  add('after', op.after ? `${op.after.from} – ${op.after.to || 'end'}` : undefined);
  add('expected', op.expected ? plain(op.expected) : undefined);
  return out;
}

/** The dyad series a proposition reads, in order. */
function seriesOf(op) {
  const out = [];
  for (const k of ['x', 'y', 'condition', 'outcome']) if (op[k] && op[k].dyad) out.push(op[k]);
  if (Array.isArray(op.series)) out.push(...op.series);
  if (op.dyad) out.push({ dyad: op.dyad, score: 's6' });
  return out;
}

function windows(op) {
  const w = [];
  if (op.window) w.push(['window', op.window]);
  if (op.target_window) w.push(['target window', op.target_window]);
  if (op.before) w.push(['before', op.before]);
  if (op.after) w.push(['after', op.after]);
  return w;
}

async function evidenceChart(box, op, test, id) {
  if (test === 'triangle') return triangleBand(box, op, id);
  if (test === 'event_occurrence') return occurrenceChart(box, op, id);
  const specs = seriesOf(op);
  const freq = op.frequency || (test === 'character' ? 'quarter' : 'year');
  const froms = windows(op).map(([, w]) => w.from).filter(Boolean).sort();
  const from = froms.length ? `${Number(froms[0].slice(0, 4)) - 2}` : undefined;
  const data = await Promise.all(specs.map((s) => api('series', { dyad: s.dyad, freq, from })));
  const c = chart(box);
  const score = (s) => (s.score && s.score.startsWith('s') ? s.score : s.measure ? 'n' : 's6');
  // per series and period: [day, value, n, period, low confidence, outside the source's data]
  const drawn = data.map((d, i) => d.rows.map((r) => {
    const out = outsideCoverage(r.period);
    return [day(periodStart(r.period)), out ? null : r[score(specs[i])], out ? null : r.n, r.period, !out && r.n > 0 && r.low_confidence, out];
  }));
  // the axis spans every series drawn; the shaded windows ride on the first series with rows
  const periods = data.flatMap((d) => d.rows.map((r) => r.period));
  const first = periods.length ? periods.map((p) => day(periodStart(p))).sort()[0] : undefined;
  const last = periods.length ? periods.map((p) => dayAfter(periodEnd(p))).sort().pop() : undefined;
  const host = Math.max(0, data.findIndex((d) => d.rows.length > 0));
  const names = specs.map((sp) => `${sp.dyad} ${score(sp).toUpperCase()}`);
  c.setOption({
    animation: false,
    legend: { top: 0, textStyle: { fontSize: 10 } },
    grid: { left: 40, right: 12, top: 26, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', min: first, max: last },
    yAxis: { type: 'value', scale: true, axisLabel: { fontSize: 10 } },
    series: drawn.map((pts, i) => ({
      name: names[i],
      type: 'line', symbol: 'circle', symbolSize: 3, lineStyle: { width: 1.6 }, connectNulls: false,
      itemStyle: { color: SERIES_COLOURS[i % SERIES_COLOURS.length] },
      data: pts.map((p) => (p[4] ? { value: [p[0], p[1]], ...LOW_POINT, symbolSize: 5 } : [p[0], p[1]])),
      markArea: i !== host ? undefined : {
        silent: true,
        label: { fontSize: 9, color: '#555', position: 'insideTopLeft' },
        data: [...windows(op).map(([name, w], j) => [
          { name, xAxis: `${w.from}-01`, itemStyle: { color: j % 2 ? 'rgba(243,156,18,0.12)' : 'rgba(44,93,143,0.10)' } },
          { xAxis: w.to ? `${w.to}-28` : 'max' },
        ]), ...(first ? coverageAreas(first, last) : [])],
      },
    })),
  });
  frame(box, c, {
    view: 'proposition', subject: id, title: `${id}: the series the test reads`, source: sources.current, freq,
    n: drawn.reduce((a, pts) => a + pts.reduce((b, p) => b + (p[2] || 0), 0), 0),
    low: drawn.reduce((a, pts) => a + pts.filter((p) => p[4]).length, 0),
    columns: ['series', 'period', 'n', 'value', 'low_confidence', 'outside_source_coverage'],
    rows: drawn.flatMap((pts, i) => pts.map((p) => [names[i], p[3], p[2], p[1], p[4], p[5]])),
  });
  ready(box, data.reduce((s, d) => s + d.rows.length, 0));
}

async function triangleBand(box, op, id) {
  const freq = op.frequency || 'year';
  const t = await api('triangle', { actors: op.actors.join(','), freq, score: op.score, 'sign-rule': op.sign_rule, tau: op.tau });
  const c = chart(box);
  c.setOption({ ...bandOption(t), grid: { left: 20, right: 12, top: 10, bottom: 30 } });
  frame(box, c, { ...bandMeta(t, 'proposition', freq), subject: `${id}-${t.triad.join('-')}` });
  ready(box, t.periods.length);
}

async function occurrenceChart(box, op, id) {
  const tags = JSON.stringify(op).includes('un-vote') ? ['un-vote', 'veto'] : ['treaty'];
  const lists = await Promise.all(tags.map((tag) => api('timeline', { tag, from: '1990' })));
  const seen = new Set();
  const entries = lists.flatMap((l) => l.entries).filter((e) => !seen.has(e.id) && seen.add(e.id));
  const kind = (e) => (e.tags.includes('rus-veto') ? 'Russian veto'
    : e.tags.includes('rus-vote-yes') ? 'Russia votes yes'
      : e.tags.includes('treaty') ? 'treaty' : 'other');
  const kinds = ['Russia votes yes', 'Russian veto', 'treaty', 'other'];
  const colours = { 'Russia votes yes': '#1a9850', 'Russian veto': '#c0392b', treaty: '#2c5d8f', other: '#a0a7ae' };
  const c = chart(box);
  c.setOption({
    animation: false,
    legend: { top: 0, textStyle: { fontSize: 10 } },
    grid: { left: 110, right: 12, top: 26, bottom: 24 },
    tooltip: { formatter: (p) => `${p.data.e.date} ${p.data.e.actor1}–${p.data.e.actor2}: ${p.data.e.title}` },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', data: kinds, axisLabel: { fontSize: 10 } },
    series: kinds.map((k) => ({
      name: k, type: 'scatter', symbolSize: 9, itemStyle: { color: colours[k] },
      data: entries.filter((e) => kind(e) === k).map((e) => ({ value: [day(e.date.length === 4 ? `${e.date}-07` : e.date.slice(0, 7)), k], e })),
      markArea: k !== kinds[0] ? undefined : {
        silent: true,
        data: windows(op).map(([name, w], j) => [
          { name, xAxis: `${w.from}-01`, itemStyle: { color: j % 2 ? 'rgba(243,156,18,0.12)' : 'rgba(44,93,143,0.10)' } },
          { xAxis: w.to ? `${w.to}-28` : 'max' },
        ]),
      },
    })),
  });
  frame(box, c, {
    view: 'proposition', subject: id, title: `${id}: chronology entries the test reads`, source: 'chronology', freq: null,
    n: entries.length, columns: ['date', 'kind', 'actor1', 'actor2', 'title'],
    rows: entries.map((e) => [e.date, kind(e), e.actor1, e.actor2, e.title]),
  });
  ready(box, entries.length);
}

export { fmt };
