// Triangles: for a triad, a band of coloured segments showing Dittmer's configuration per period,
// and the triangle of the selected period with its signed sides and the pivot or outcast marked.
import {
  api, chart, CONFIG_COLOURS, configName, confidenceLegend, describeConfig, el, fmt, frame, HATCH,
  label, LOW_N, ready, select, signColour, sources,
} from '../common.js';

const PRESETS = ['USA,CHN,RUS', 'RUS,CHN,PRK', 'RUS,PRK,USA', 'RUS,KOR,PRK'];
const CORNERS = [[0, 0], [200, 0], [100, -170]];

export async function render(main, arg, params, current) {
  const actors = (arg || PRESETS[0]).toUpperCase();
  const freq = params.get('freq') || 'year';
  const rule = params.get('rule') || 'band';
  const go = (a, changes = {}) => {
    const p = new URLSearchParams({ freq, rule, ...changes });
    location.hash = `#/triangles/${a}?${p}`;
  };
  main.append(
    el('h2', {}, `Triangle ${actors.replaceAll(',', '–')}`),
    el('p', { class: 'lead' },
      'Each side\'s sign per period (METHODS 2.1) gives Dittmer\'s configuration of the triad: ',
      'ménage à trois (+++), romantic triangle with a pivot (++−), stable marriage with an outcast ',
      '(+−−) or unit veto (−−−); indeterminate when a side has no events or a neutral score. ',
      'Click the band to draw the triangle of a period.'),
    el('div', { class: 'controls' },
      PRESETS.map((p) => el('button', {
        class: `preset${p === actors ? ' active' : ''}`, onclick: () => go(p),
      }, p.replaceAll(',', '–'))),
      el('label', {}, 'Period length ', select(['year', 'quarter', 'month'], freq, (v) => go(actors, { freq: v }))),
      el('label', {}, 'Sign rule ', select(['band', 'baseline', 'posterior'], rule, (v) => go(actors, { rule: v })))));

  const t = await api('triangle', { actors, freq, 'sign-rule': rule });
  if (!current()) return;
  if (t.periods.length === 0) {
    main.append(el('p', {}, 'None of the three dyads has events in the store.'));
    ready(main, 0);
    return;
  }
  const band = el('div', { class: 'chart band', id: 'triangle-band' });
  const legend = el('div', { class: 'legend' }, Object.keys(CONFIG_COLOURS).map((k) => el('span', {},
    el('i', { style: `background:${CONFIG_COLOURS[k]}` }), configName(k))));
  const drawing = el('div', { class: 'chart', id: 'triangle-drawing' });
  const info = el('div', { class: 'panel' });
  main.append(band, legend, confidenceLegend(['low'], el('span', {}, el('i', { class: 'swatch dashed' }), 'dashed side: sign 0 (indeterminate)')),
    indeterminateSummary(t.periods), el('div', { class: 'row' }, el('div', {}, drawing), info));

  let selected = params.has('period') ? t.periods.findIndex((p) => p.period === params.get('period')) : -1;
  if (selected < 0) {
    selected = t.periods.map((p, i) => (p.configuration !== 'INDETERMINATE' ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    if (selected < 0) selected = t.periods.length - 1;
  }

  const b = chart(band);
  const drawBand = () => {
    b.setOption(bandOption(t, selected));
    frame(band, b, bandMeta(t, 'triangles', freq));
  };
  const d = chart(drawing);
  const drawTriangle = () => {
    const r = t.periods[selected];
    const vertex = (a, i) => {
      const role = r.pivot === a ? 'pivot' : r.outcast === a ? 'outcast' : '';
      return {
        name: a, x: CORNERS[i][0], y: CORNERS[i][1], role,
        symbolSize: role === 'pivot' ? 70 : 56,
        symbol: role === 'pivot' ? 'diamond' : 'circle',
        itemStyle: {
          color: role === 'outcast' ? '#aab2ba' : role === 'pivot' ? '#4575b4' : '#5b6c8f',
          borderColor: role ? '#111' : '#fff', borderWidth: role ? 3 : 2, borderType: role === 'outcast' ? 'dashed' : 'solid',
        },
        label: role
          ? { show: true, position: 'bottom', color: '#111', fontWeight: 'bold', fontSize: 13, formatter: `{b} · ${role}` }
          : { show: true, color: '#fff', fontWeight: 'bold' },
      };
    };
    d.setOption({
      animation: false,
      title: { text: `${r.period}: ${configName(r.configuration)}`, left: 'center', top: 6, textStyle: { fontSize: 14 } },
      tooltip: {},
      series: [{
        type: 'graph', layout: 'none', top: 60, bottom: 60, left: 70, right: 70,
        data: t.triad.map(vertex),
        edges: r.sides.map((s) => ({
          source: s.dyad.split('-')[0], target: s.dyad.split('-')[1],
          lineStyle: {
            color: signColour(s.sign), width: s.sign === 0 ? 2 : 6, opacity: s.n < LOW_N ? 0.45 : 1,
            type: s.sign === 0 ? 'dashed' : s.n < LOW_N ? 'dotted' : 'solid',
          },
          label: { show: true, formatter: `${s.sign > 0 ? '+' : s.sign < 0 ? '−' : '0'}   ${t.score.toUpperCase()} ${fmt(s.score)}   n=${s.n}${s.n < LOW_N ? ' (low confidence)' : ''}`, fontSize: 13, color: '#222', fontWeight: 'bold', backgroundColor: '#fff', padding: [2, 4], borderRadius: 3 },
        })),
        edgeLabel: { show: true },
      }],
    }, { replaceMerge: ['series'] });
    frame(drawing, d, {
      view: 'triangle', subject: `${t.triad.join('-')}-${r.period}`, title: `Triangle ${t.triad.join('–')} in ${r.period}: the sides`,
      source: sources.current, freq, n: r.sides.reduce((a, s) => a + s.n, 0), low: r.sides.filter((s) => s.n < LOW_N).length,
      columns: ['period', 'side', 'n', t.score, 'sign', 'low_confidence'],
      rows: r.sides.map((s) => [r.period, s.dyad, s.n, s.score, s.sign, s.n < LOW_N]),
    });
    info.replaceChildren(
      el('h3', {}, `${r.period}`),
      el('p', { id: 'triangle-description' }, describeConfig(r)),
      el('p', { class: 'muted' }, `strict balance: ${r.strict_balance.toLowerCase()} · weak balance: ${r.weak_balance.toLowerCase()} · continuous balance: ${fmt(r.continuous_balance, 3)}`),
      el('table', {}, el('tr', {}, el('th', {}, 'side'), el('th', {}, 'events'), el('th', {}, t.score.toUpperCase()), el('th', {}, 'sign')),
        r.sides.map((s) => el('tr', {}, el('td', {}, el('a', { href: `#/dyad/${s.dyad}?freq=${freq}` }, s.dyad)), el('td', { class: s.n < LOW_N ? 'low-confidence' : null }, s.n), el('td', {}, fmt(s.score)), el('td', { style: `color:${signColour(s.sign)}` }, s.sign > 0 ? '+' : s.sign < 0 ? '−' : '0')))),
      el('h3', {}, 'Transitions'),
      t.transitions.length === 0 ? el('p', { class: 'muted' }, 'none')
        : el('div', { class: 'table-wrap', style: 'max-height:220px' }, el('table', {},
          el('tr', {}, el('th', {}, 'from'), el('th', {}, 'to'), el('th', {}, 'change')),
          t.transitions.map((x) => el('tr', {}, el('td', {}, x.last_of_old), el('td', {}, x.first_of_new), el('td', {}, transition(t, x)))))));
  };
  b.on('click', (p) => { selected = p.dataIndex; drawBand(); drawTriangle(); });
  drawBand();
  drawTriangle();
  ready(band, t.periods.length);
  ready(drawing, 3);
}

// How many periods are indeterminate and why: a side without events in the period, or a side whose
// score lies in the neutral band (sign 0) although it has events.
function indeterminateSummary(periods) {
  const ind = periods.filter((p) => p.configuration === 'INDETERMINATE');
  const noEvents = ind.filter((p) => p.sides.some((s) => s.n === 0)).length;
  const neutral = ind.length - noEvents;
  const text = ind.length === 0
    ? `All ${periods.length} periods have a configuration.`
    : `${ind.length} of ${periods.length} periods are indeterminate: ${noEvents} because a side has no events in the period, `
      + `${neutral} because a side's score is neutral (within the sign rule's band). `
      + 'Longer periods (quarter, year) leave fewer sides empty.';
  return el('p', { class: 'note', id: 'triangle-summary' }, text);
}

/** A transition in words, from the configurations of the periods on either side of it. */
function transition(t, x) {
  const at = (period) => t.periods.find((p) => p.period === period);
  return `${describeConfig(at(x.last_of_old))} → ${describeConfig(at(x.first_of_new))}`;
}

/** Whether a period's configuration rests on little: indeterminate, or a side with n < 5. */
export function lowConfidence(p) {
  return p.configuration === 'INDETERMINATE' || p.sides.some((s) => s.n < LOW_N);
}

/** The configuration band of a triangle response: a segment per period, low-confidence ones hatched. */
export function bandOption(t, selected = -1) {
  return {
    animation: false,
    grid: { left: 40, right: 20, top: 14, bottom: 40 },
    tooltip: {
      formatter: (p) => {
        const r = t.periods[p.dataIndex];
        const sides = r.sides.map((s) => `${s.dyad} ${s.sign > 0 ? '+' : s.sign < 0 ? '−' : '0'} (n=${s.n}${s.n < LOW_N ? ', low confidence' : ''})`);
        return [`${r.period}: ${describeConfig(r)}`, ...sides].join('<br>');
      },
    },
    xAxis: { type: 'category', data: t.periods.map((p) => p.period), axisTick: { alignWithLabel: true } },
    yAxis: { show: false, max: 1 },
    series: [{
      type: 'bar', barCategoryGap: 0, barGap: 0,
      data: t.periods.map((p, i) => ({
        value: 1,
        itemStyle: {
          color: CONFIG_COLOURS[p.configuration],
          // no decal at all on a confident period (ECharts fails on a decal given as a string)
          ...(lowConfidence(p) ? { decal: HATCH } : {}),
          opacity: lowConfidence(p) ? 0.7 : 1,
          borderColor: i === selected ? '#111' : 'rgba(255,255,255,0.6)',
          borderWidth: i === selected ? 2 : 0.5,
        },
      })),
    }],
  };
}

/** The caption and export data of a configuration band. */
export function bandMeta(t, view, freq) {
  const sides = t.periods[0].sides.map((s) => s.dyad);
  return {
    view, subject: t.triad.join('-'), title: `Triangle ${t.triad.join('–')}: configuration per period`,
    source: sources.current, freq,
    n: t.periods.reduce((a, p) => a + p.sides.reduce((b, s) => b + s.n, 0), 0),
    low: t.periods.filter(lowConfidence).length,
    columns: ['period', 'configuration', 'pivot', 'outcast', ...sides.flatMap((d) => [`${d} n`, `${d} sign`]), 'low_confidence'],
    rows: t.periods.map((p) => [p.period, label('configurations', p.configuration), p.pivot, p.outcast,
      ...p.sides.flatMap((s) => [s.n, s.sign]), lowConfidence(p)]),
  };
}
