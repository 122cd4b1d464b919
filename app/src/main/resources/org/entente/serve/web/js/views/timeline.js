// Timeline: the curated chronology as a searchable, filterable table with sources.
import { api, coreDyads, el, ready, sourceNode } from '../common.js';

export async function render(main, _arg, params, current) {
  main.append(
    el('h2', {}, 'Timeline'),
    el('p', { class: 'lead' },
      'The curated chronology (bundled with Entente, plus entries ingested into the store) with ',
      'a source for every entry. Search and filter; click a row for the description.'));
  const data = await api('timeline');
  if (!current()) return;
  const tags = [...new Set(data.entries.flatMap((e) => e.tags))].sort();
  const search = el('input', { type: 'search', placeholder: 'search titles, descriptions, sources', size: 40, id: 'timeline-search', value: params.get('q') || '' });
  const dyad = el('select', { id: 'timeline-dyad' }, el('option', { value: '' }, 'any dyad'), coreDyads().map((d) => el('option', { value: d, selected: params.get('dyad') === d }, d)));
  const tag = el('select', { id: 'timeline-tag' }, el('option', { value: '' }, 'any tag'), tags.map((t) => el('option', { value: t, selected: params.get('tag') === t }, t)));
  const from = el('input', { type: 'number', min: 1945, max: 2100, placeholder: 'from', style: 'width:80px', value: params.get('from') || '' });
  const to = el('input', { type: 'number', min: 1945, max: 2100, placeholder: 'to', style: 'width:80px', value: params.get('to') || '' });
  const count = el('span', { class: 'muted', id: 'timeline-count' });
  main.append(el('div', { class: 'controls' }, search, dyad, tag, el('label', {}, 'years ', from, ' – ', to), count));
  const body = el('tbody');
  const table = el('table', { id: 'timeline-table' },
    el('thead', {}, el('tr', {}, ['date', 'actors', 'CAMEO', 'title', 'tags', 'source'].map((h) => el('th', {}, h)))), body);
  main.append(el('div', { class: 'table-wrap' }, table));

  const update = () => {
    const q = search.value.trim().toLowerCase();
    const [a, b] = dyad.value ? dyad.value.split('-') : [];
    const y0 = Number(from.value) || 0;
    const y1 = Number(to.value) || 9999;
    const rows = data.entries.filter((e) => {
      const y = Number(e.date.slice(0, 4));
      if (y < y0 || y > y1) return false;
      if (a && !((e.actor1 === a && e.actor2 === b) || (e.actor1 === b && e.actor2 === a))) return false;
      if (tag.value && !e.tags.includes(tag.value)) return false;
      return !q || `${e.title} ${e.description} ${e.source} ${e.actor1} ${e.actor2} ${e.id}`.toLowerCase().includes(q);
    });
    body.replaceChildren(...rows.map((e) => {
      const detail = el('tr', { class: 'detail', hidden: true }, el('td', { colspan: 6 }, e.description || ''));
      const row = el('tr', { class: 'entry', dataset: { id: e.id }, onclick: (ev) => { if (ev.target.tagName !== 'A') detail.hidden = !detail.hidden; } },
        el('td', {}, e.date), el('td', {}, `${e.actor1}–${e.actor2}`), el('td', {}, e.code),
        el('td', {}, e.title), el('td', {}, e.tags.map((t) => el('span', { class: 'tag' }, t))),
        el('td', {}, sourceNode(e.source, e.source_url)));
      return [row, detail];
    }).flat());
    count.textContent = `${rows.length} of ${data.count} entries`;
    ready(table, rows.length);
  };
  for (const c of [search, dyad, tag, from, to]) c.addEventListener('input', update);
  update();
}
