// Small SVG charts drawn from numbers the API computed: stacked bars over time, lines for percentiles, and
// horizontal bars for comparing workflows. Each chart carries a title and a table of its numbers for screen readers.
import { h, svg } from './dom.js';
import { number } from './format.js';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 34, left: 48 };

/** points: [{label, values: {key: number}}]; series: [{key, label, class}] stacked bottom-up. */
export function stackedBars(title, points, series) {
  const totals = points.map(p => series.reduce((sum, s) => sum + (p.values[s.key] ?? 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(points.length, 1);
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const bars = points.flatMap((p, i) => {
    let y = PAD.top + innerH;
    return series.map(s => {
      const value = p.values[s.key] ?? 0;
      const height = (value / max) * innerH;
      y -= height;
      return svg('rect', { class: `bar ${s.class}`, x: PAD.left + i * slot + (slot - barW) / 2, y, width: barW, height },
        svg('title', `${p.label} · ${s.label}: ${number(value)}`));
    });
  });
  return frame(title, series, [axes(max, points, slot, v => number(v)), bars], dataTable(title, points, series));
}

/** points: [{label, values: {key: number|null}}]; one line per series. */
export function lines(title, points, series, formatValue = v => number(v)) {
  const all = points.flatMap(p => series.map(s => p.values[s.key])).filter(v => v !== null && v !== undefined);
  const max = niceMax(Math.max(1, ...all));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(points.length, 1);
  const paths = series.map(s => {
    const coords = points.map((p, i) => [p.values[s.key], PAD.left + i * slot + slot / 2])
      .filter(([v]) => v !== null && v !== undefined)
      .map(([v, x]) => `${x.toFixed(1)},${(PAD.top + innerH - (v / max) * innerH).toFixed(1)}`);
    return coords.length ? svg('polyline', { class: `line ${s.class}`, points: coords.join(' ') }) : null;
  });
  return frame(title, series, [axes(max, points, slot, formatValue), paths], dataTable(title, points, series, formatValue));
}

/** items: [{label, value (0..1 or a count), text}]: one bar per item, longest first is the caller's choice. */
export function horizontalBars(title, items, { max } = {}) {
  const top = max ?? Math.max(1, ...items.map(i => i.value ?? 0));
  return h('figure.chart.hbars',
    h('figcaption', title),
    h('ul', items.map(item => h('li',
      h('span.hbar-label', item.label),
      h('span.hbar-track', h('span.hbar-fill', { class: item.class, style: { width: `${Math.max(0, Math.min(100, ((item.value ?? 0) / top) * 100)).toFixed(1)}%` } })),
      h('span.hbar-value', item.text ?? number(item.value))))));
}

function frame(title, series, body, table) {
  return h('figure.chart',
    h('figcaption', title),
    svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, preserveAspectRatio: 'none' }, body),
    h('ul.legend', series.map(s => h('li', h('span.swatch', { class: s.class }), s.label))),
    table);
}

function axes(max, points, slot, formatValue) {
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => {
    const y = PAD.top + innerH - f * innerH;
    return [svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }),
      svg('text', { class: 'tick', x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, formatValue(max * f))];
  });
  const every = Math.max(1, Math.ceil(points.length / 8));
  const labels = points.map((p, i) => (i % every === 0
    ? svg('text', { class: 'tick', x: PAD.left + i * slot + slot / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' }, p.label)
    : null));
  return [ticks, labels];
}

function dataTable(title, points, series, formatValue = v => number(v)) {
  return h('table.sr-only',
    h('caption', title),
    h('thead', h('tr', h('th', ''), series.map(s => h('th', { scope: 'col' }, s.label)))),
    h('tbody', points.map(p => h('tr', h('th', { scope: 'row' }, p.label), series.map(s => h('td', p.values[s.key] === null || p.values[s.key] === undefined ? '—' : formatValue(p.values[s.key])))))));
}

function niceMax(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find(s => s * magnitude >= value) ?? 10) * magnitude;
}
