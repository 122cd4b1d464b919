// Dyad view: the score series over time with the periods found by change-point detection shaded,
// an expert periodisation overlaid, and the chronology's events as markers; clicking a marker
// shows the event and its source.
import {
  api, chart, confidenceLegend, coreDyads, coverageAreas, day, dayAfter, el, errorBox, fmt, frame,
  HATCH, label, LOW_POINT, outsideCoverage, periodEnd, periodStart, ready, select, sourceNode, sources,
} from '../common.js';

const QUAD_COLOURS = ['#66bd63', '#1a9850', '#f46d43', '#c0392b'];
const SHADES = ['rgba(44,93,143,0.10)', 'rgba(44,93,143,0.22)'];
const EXPERT_COLOURS = ['#e8d5a8', '#c9ddb0', '#b7d3e6', '#e3c3d9', '#d8d0c0', '#c7c7e8'];

export async function render(main, arg, params, current) {
  const QUADS = [1, 2, 3, 4].map((q) => label('quads', q));
  const dyad = (arg || 'RUS-PRK').toUpperCase();
  const freq = params.get('freq') || 'year';
  const score = params.get('score') || 's4';
  const expert = params.get('expert') || 'rozman';
  const go = (changes) => {
    const p = new URLSearchParams({ freq, score, expert, ...changes });
    const d = changes.dyad || dyad;
    p.delete('dyad');
    location.hash = `#/dyad/${d}?${p}`;
  };
  const dyads = coreDyads();
  if (!dyads.includes(dyad)) dyads.push(dyad);
  main.append(
    el('h2', {}, `Dyad ${dyad}`),
    el('p', { class: 'lead' },
      'The dyad\'s score per period (both directions pooled), shaded by the periods found by ',
      'change-point detection (PELT, MBIC), with an expert periodisation below and the curated ',
      'chronology\'s events as markers. Click a marker for the event and its source.'),
    el('div', { class: 'controls' },
      el('label', {}, 'Dyad ', select(dyads, dyad, (v) => go({ dyad: v }), { id: 'dyad-select' })),
      el('label', {}, 'Period length ', select(['year', 'quarter', 'month'], freq, (v) => go({ freq: v }))),
      el('label', {}, 'Score ', select(['s4', 's6', 'goldstein_mean'].map((k) => [k, label('scores', k)]), score, (v) => go({ score: v }))),
      el('label', {}, 'Expert periods ', select(['rozman', 'jackson'], expert, (v) => go({ expert: v })))));

  const [series, periods, experts, events] = await Promise.all([
    api('series', { dyad, freq }),
    api('periods', {
      dyad, freq, score, scale: 'sd', impute: score === 's6' ? 'none' : 'zero', 'min-length': freq === 'year' ? 2 : 3,
    }).catch((e) => ({ error: e.message })),
    api('periods', { expert }),
    api('timeline', { dyad }),
  ]);
  if (!current()) return;
  if (series.rows.length === 0) {
    main.append(el('p', {}, `No events for ${dyad} in the store.`));
    ready(main, 0);
    return;
  }
  if (periods.error) main.append(errorBox(`Periods not detected: ${periods.error}`));

  const box = el('div', { class: 'chart tall', id: 'dyad-chart' });
  const detail = el('div', { class: 'panel', id: 'event-detail' },
    el('span', { class: 'muted' }, 'Click an event marker to see it here.'));
  main.append(box, el('div', { class: 'legend' },
    QUADS.map((q, i) => el('span', {}, el('i', { style: `background:${QUAD_COLOURS[i]}` }), q)),
    el('span', {}, el('i', { style: `background:${SHADES[1]}` }), 'detected period (mean as a step line)')),
  confidenceLegend(['low', 'gap', 'outside']), detail);

  const first = day(periodStart(series.rows[0].period));
  const last = dayAfter(periodEnd(series.rows[series.rows.length - 1].period));
  // [day, score, n, period, low confidence, outside the source's data]
  const points = series.rows.map((r) => {
    const out = outsideCoverage(r.period);
    return [day(periodStart(r.period)), out ? null : r[score], out ? null : r.n, r.period, !out && r.n > 0 && r.low_confidence, out];
  });
  const segments = periods.error ? [] : periods.periods;
  const meanLine = [];
  segments.forEach((s) => {
    const a = day(periodStart(s.first));
    const b = dayAfter(periodEnd(s.last));
    meanLine.push([a, s.mean], [b, s.mean], [b, null]);
  });
  const expertAreas = experts.periods.map((p, i) => [
    { name: p.period, xAxis: day(p.first) < first ? first : day(p.first), itemStyle: { color: EXPERT_COLOURS[i % EXPERT_COLOURS.length] } },
    { xAxis: p.last ? dayAfter(p.last) : last },
  ]).filter(([a, b]) => a.xAxis < last && b.xAxis > first);
  const markers = events.entries.map((e) => ({
    value: [e.date.length === 4 ? `${e.date}-07-01` : e.date.length === 7 ? `${e.date}-15` : e.date, QUADS[e.quad - 1]],
    entry: e,
    itemStyle: { color: QUAD_COLOURS[e.quad - 1] },
  })).filter((m) => m.value[0] >= first && m.value[0] < last);

  const c = chart(box);
  const axis = (gridIndex, show) => ({
    type: 'time', gridIndex, min: first, max: last, axisLabel: { show }, splitLine: { show: false },
  });
  c.setOption({
    animation: false,
    tooltip: { trigger: 'item' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 110, right: 60, top: 30, height: '52%' },
      { left: 110, right: 60, top: '64%', height: 26 },
      { left: 110, right: 60, top: '73%', height: '17%' },
    ],
    xAxis: [axis(0, true), axis(1, false), axis(2, false)],
    yAxis: [
      { gridIndex: 0, name: score.toUpperCase(), min: score === 'goldstein_mean' ? -10 : -1, max: score === 'goldstein_mean' ? 10 : 1 },
      { gridIndex: 0, name: 'events', position: 'right', splitLine: { show: false } },
      { gridIndex: 1, type: 'category', data: [expert], axisTick: { show: false } },
      { gridIndex: 2, type: 'category', data: QUADS, axisLabel: { fontSize: 9 }, inverse: true },
    ],
    dataZoom: [{
      type: 'slider', xAxisIndex: [0, 1, 2], bottom: 4, height: 18, left: 110,
      startValue: first < '1990-01-01' && last > '1995-01-01' && !params.has('all') ? '1990-01-01' : first,
    }],
    series: [
      {
        name: 'events', type: 'bar', xAxisIndex: 0, yAxisIndex: 1, barMaxWidth: 14,
        itemStyle: { color: 'rgba(120,130,140,0.25)' },
        data: points.map((p) => ({ value: [p[0], p[2]], itemStyle: p[4] ? { decal: HATCH } : undefined })),
        tooltip: { formatter: (p) => `${points[p.dataIndex][3]}: ${p.value[1] ?? 'no data in source'} events` },
        markArea: { silent: true, data: coverageAreas(first, last) },
      },
      {
        name: 'no events', type: 'scatter', xAxisIndex: 0, yAxisIndex: 1, symbol: 'emptyCircle', symbolSize: 6,
        itemStyle: { color: '#8a949e' }, data: points.filter((p) => p[2] === 0).map((p) => [p[0], 0]),
        tooltip: { formatter: (p) => `${points.find((x) => x[0] === p.value[0])[3]}: no events (n = 0)` },
      },
      {
        name: score, type: 'line', xAxisIndex: 0, yAxisIndex: 0, symbol: 'circle', symbolSize: 5, connectNulls: false,
        lineStyle: { color: '#2c5d8f', width: 2 }, itemStyle: { color: '#2c5d8f' },
        data: points.map((p) => (p[4] ? { value: [p[0], p[1]], ...LOW_POINT } : [p[0], p[1]])),
        tooltip: { formatter: (p) => `${points[p.dataIndex][3]}: ${score.toUpperCase()} ${fmt(p.value[1])}, ${points[p.dataIndex][2]} events${points[p.dataIndex][4] ? ' (low confidence)' : ''}` },
        markArea: {
          silent: true,
          data: segments.map((s, i) => [
            { xAxis: day(periodStart(s.first)), itemStyle: { color: SHADES[i % 2] } },
            { xAxis: dayAfter(periodEnd(s.last)) },
          ]),
        },
      },
      {
        name: 'period mean', type: 'line', xAxisIndex: 0, yAxisIndex: 0, symbol: 'none', connectNulls: false,
        lineStyle: { color: '#b35806', width: 2, type: 'dashed' }, data: meanLine, tooltip: { show: false },
      },
      {
        name: 'expert', type: 'line', xAxisIndex: 1, yAxisIndex: 2, data: [], symbol: 'none',
        markArea: {
          label: { show: true, position: 'inside', fontSize: 10, color: '#333' },
          data: expertAreas,
          tooltip: { formatter: (p) => p.name },
        },
      },
      {
        name: 'chronology', type: 'scatter', xAxisIndex: 2, yAxisIndex: 3, symbolSize: 10,
        data: markers,
        tooltip: { formatter: (p) => `${p.data.entry.date} ${p.data.entry.actor1}→${p.data.entry.actor2}<br>${escapeHtml(p.data.entry.title)}` },
      },
    ],
  });
  c.on('click', (p) => {
    if (p.seriesName === 'chronology') showEvent(detail, p.data.entry);
  });
  frame(box, c, {
    view: 'dyad', subject: dyad, title: `Dyad ${dyad}: ${label('scores', score)} per period`, source: sources.current, freq,
    n: points.reduce((a, p) => a + (p[2] || 0), 0), low: points.filter((p) => p[4]).length,
    note: points.some((p) => p[5]) ? `${points.filter((p) => p[5]).length} periods outside the source's data` : null,
    columns: ['period', 'n', score, 'low_confidence', 'outside_source_coverage'],
    rows: points.map((p) => [p[3], p[2], p[1], p[4], p[5]]),
  });
  ready(box, points.length + markers.length);

  main.append(el('div', { class: 'row' },
    el('div', { class: 'panel' }, el('h3', {}, 'Detected periods'), segmentTable(periods, score)),
    el('div', { class: 'panel' }, el('h3', {}, `Expert periods (${expert})`), expertTable(experts.periods))));
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));
}

function showEvent(detail, e) {
  detail.replaceChildren(
    el('h4', {}, `${e.date} · ${e.actor1} → ${e.actor2} · ${e.title}`),
    el('p', {}, e.description || ''),
    el('p', { class: 'muted' }, `CAMEO ${e.code} · Goldstein ${e.goldstein} · quad ${e.quad} · `,
      e.tags.map((t) => el('span', { class: 'tag' }, t))),
    el('p', {}, 'Source: ', sourceNode(e.source, e.source_url)));
  detail.dataset.event = e.id;
}

function segmentTable(periods, score) {
  if (periods.error) return el('p', { class: 'muted' }, periods.error);
  return el('table', {},
    el('tr', {}, el('th', {}, 'from'), el('th', {}, 'to'), el('th', {}, 'periods'), el('th', {}, `mean ${score}`), el('th', {}, 'events')),
    periods.periods.map((s) => el('tr', {},
      el('td', {}, s.first), el('td', {}, s.last), el('td', {}, s.n), el('td', {}, fmt(s.mean)), el('td', {}, s.events))));
}

function expertTable(ps) {
  return el('table', {},
    el('tr', {}, el('th', {}, 'period'), el('th', {}, 'from'), el('th', {}, 'to'), el('th', {}, 'characterisation')),
    ps.map((p) => el('tr', {},
      el('td', {}, p.period), el('td', {}, p.first), el('td', {}, p.last || 'open'), el('td', {}, p.characterisation))));
}
