// System map: the six states as a network; edge colour = relation (S4 sign and strength) in the
// chosen period, thickness = event volume; a slider moves through time; clicking an edge opens
// the dyad view.
import {
  api, chart, confidenceLegend, el, fmt, frame, LOW_N, NAMES, outsideCoverage, ready, scoreColour, select,
  SIX, sources,
} from '../common.js';

// Positions on a rough map of Northeast Asia and the Pacific (chart coordinates).
const POSITION = {
  RUS: [330, 40], CHN: [130, 230], PRK: [350, 200], KOR: [390, 300], JPN: [540, 250], USA: [760, 130],
};
const NODE_COLOUR = {
  RUS: '#5b6c8f', PRK: '#8f3b3b', CHN: '#b8860b', USA: '#2c5d8f', KOR: '#3b8f7a', JPN: '#8f5b8f',
};
// Edges that would cross a node are drawn curved.
const CURVED = new Set(['CHN-USA', 'PRK-USA', 'RUS-JPN', 'CHN-JPN', 'CHN-KOR', 'KOR-USA']);

export async function render(main, _arg, params, current) {
  const freq = params.get('freq') || 'year';
  main.append(
    el('h2', {}, 'System map'),
    el('p', { class: 'lead' },
      'The six states as a network. An edge is coloured by the relation in the chosen period ',
      '(S4 = (C − K)/(C + K): green cooperative, red conflictual, grey neutral within ±τ or no events) ',
      'and is thicker with more events. Click an edge to open the dyad.'));
  const data = await api('system', { freq });
  if (!current()) return;
  const missing = SIX.filter((a) => !data.actors.includes(a));
  if (data.note) {
    main.append(el('p', { class: 'note', id: 'map-held' }, `This store: ${data.note}.`));
  } else if (missing.length > 0) {
    // a store read with --actors holds the dyads of some states only: the map shows the largest
    // set whose every dyad it holds
    main.append(el('p', { class: 'note', id: 'map-held' },
      `This store holds every dyad of ${data.actors.join(', ')} only: files read with --actors `,
      `left out the events of ${missing.join(', ')} with the others, so the map leaves them out.`));
  }
  if (data.periods.length === 0) {
    main.append(el('p', {}, 'The store has no events among these states.'));
    ready(main, 0);
    return;
  }
  const total = data.periods.map((_, i) => data.dyads.reduce((s, d) => s + d.n[i], 0));
  let index = params.has('period') ? data.periods.indexOf(params.get('period')) : -1;
  if (index < 0) index = openingPeriod(total);

  const label = el('strong', { id: 'map-period' });
  const slider = el('input', {
    type: 'range', min: 0, max: data.periods.length - 1, value: index, id: 'map-slider',
    'aria-label': 'period',
  });
  const freqSelect = select(['year', 'quarter', 'month'], freq, (v) => { location.hash = `#/map?freq=${v}`; });
  main.append(el('div', { class: 'controls' },
    el('label', {}, 'Period length ', freqSelect), el('label', {}, 'Period '), slider, label));
  const box = el('div', { class: 'chart tall', id: 'map-chart' });
  const table = el('div', { class: 'panel' });
  main.append(box, el('div', { class: 'legend' },
    el('span', {}, el('i', { style: 'background:rgb(26,152,80)' }), 'cooperative'),
    el('span', {}, el('i', { style: 'background:rgb(160,167,174)' }), `neutral (|S4| ≤ ${data.tau}) or no data`),
    el('span', {}, el('i', { style: 'background:rgb(192,57,43)' }), 'conflictual'),
    el('span', {}, el('i', { class: 'swatch dashed' }), 'dashed grey: no events in the period (n = 0)')),
  confidenceLegend([], el('span', {}, el('i', { class: 'swatch dotted' }),
    `dotted and faded edge: fewer than ${LOW_N} events in the period (low confidence)`)), table);

  const c = chart(box);
  const edges = (i) => data.dyads.map((d) => {
    const n = d.n[i];
    const s4 = d.s4[i];
    return {
      source: d.a, target: d.b, dyad: d.dyad, n, s4, s6: d.s6[i],
      lineStyle: {
        color: n > 0 ? scoreColour(s4, data.tau) : '#c8cdd2',
        width: n > 0 ? 2 + 3 * Math.log2(1 + n) : 1.5,
        type: n === 0 ? 'dashed' : n < LOW_N ? 'dotted' : 'solid',
        curveness: CURVED.has(d.dyad) || CURVED.has(`${d.b}-${d.a}`) ? 0.18 : 0,
        opacity: n === 0 ? 0.6 : n < LOW_N ? 0.5 : 0.95,
      },
      emphasis: { lineStyle: { width: (n > 0 ? 2 + 3 * Math.log2(1 + n) : 1.5) + 3 } },
    };
  });
  const draw = (i) => {
    label.textContent = `${data.periods[i]} · ${total[i]} events`
      + (outsideCoverage(data.periods[i]) ? ' · outside the source\'s data' : '');
    c.setOption({
      animation: false,
      tooltip: {
        formatter: (p) => (p.dataType === 'edge'
          ? `${p.data.dyad} in ${data.periods[i]}<br>events: ${p.data.n}<br>S4: ${fmt(p.data.s4)} · S6: ${fmt(p.data.s6)}`
          : `${NAMES[p.data.name] || p.data.name}`),
      },
      series: [{
        type: 'graph', layout: 'none', roam: false, focusNodeAdjacency: false,
        edgeSymbol: ['none', 'none'],
        label: { show: true, fontWeight: 'bold', color: '#fff' },
        symbolSize: 54,
        data: data.actors.map((a) => ({
          name: a, x: (POSITION[a] || [400, 200])[0], y: (POSITION[a] || [400, 200])[1],
          itemStyle: { color: NODE_COLOUR[a] || '#777', borderColor: '#fff', borderWidth: 2 },
        })),
        edges: edges(i),
      }],
    }, { replaceMerge: ['series'] });
    table.replaceChildren(el('h3', {}, `Relations in ${data.periods[i]}`), edgeTable(data, i));
    const drawn = edges(i);
    frame(box, c, {
      view: 'map', subject: data.periods[i], title: `System map in ${data.periods[i]}`, source: sources.current, freq,
      n: total[i], low: drawn.filter((e) => e.n > 0 && e.n < LOW_N).length,
      columns: ['period', 'dyad', 'n', 's4', 's6', 'low_confidence'],
      rows: drawn.map((e) => [data.periods[i], e.dyad, e.n, e.s4, e.s6, e.n > 0 && e.n < LOW_N]),
    });
    ready(box, drawn.filter((e) => e.n > 0).length + data.actors.length);
  };
  c.on('click', (p) => {
    if (p.dataType === 'edge') location.hash = `#/dyad/${p.data.dyad}?freq=${freq}&period=${data.periods[slider.value]}`;
  });
  slider.addEventListener('input', () => draw(Number(slider.value)));
  draw(index);

  // For the browser tests: the page coordinates of an edge's midpoint (straight edges).
  window.__entente = {
    edgePoint(dyad) {
      const [a, b] = dyad.split('-');
      const pa = c.convertToPixel({ seriesIndex: 0 }, POSITION[a]);
      const pb = c.convertToPixel({ seriesIndex: 0 }, POSITION[b]);
      const r = box.getBoundingClientRect();
      return [r.left + (pa[0] + pb[0]) / 2, r.top + (pa[1] + pb[1]) / 2];
    },
  };
}

function edgeTable(data, i) {
  const rows = data.dyads
    .map((d) => ({ dyad: d.dyad, n: d.n[i], s4: d.s4[i], s6: d.s6[i] }))
    .sort((x, y) => y.n - x.n);
  return el('table', {},
    el('tr', {}, el('th', {}, 'dyad'), el('th', {}, 'events'), el('th', {}, 'S4'), el('th', {}, 'S6')),
    rows.map((r) => el('tr', { class: r.n > 0 && r.n < LOW_N ? 'low-confidence' : null },
      el('td', {}, el('a', { href: `#/dyad/${r.dyad}?freq=${data.freq}` }, r.dyad)),
      el('td', {}, r.n),
      el('td', { style: `color:${scoreColour(r.s4, data.tau)}` }, fmt(r.s4)),
      el('td', {}, fmt(r.s6)))));
}

// The period a view opens on: the latest with enough events to say something (at least 5, and at
// least half the median of the periods that have any), else the latest with any; a last period
// that has only begun (one or two events so far) is not where a reader should land.
function openingPeriod(total) {
  const nonEmpty = total.filter((t) => t > 0).sort((a, b) => a - b);
  if (nonEmpty.length === 0) return 0;
  const median = nonEmpty[Math.floor((nonEmpty.length - 1) / 2)];
  const enough = Math.max(5, median / 2);
  for (let i = total.length - 1; i >= 0; i--) if (total[i] >= enough) return i;
  for (let i = total.length - 1; i >= 0; i--) if (total[i] > 0) return i;
  return 0;
}
