// A line diff (longest common subsequence) of two texts, for comparing versions of a definition.
import { h } from './dom.js';

/** [{kind: 'same'|'add'|'del', text}] turning a into b. */
export function diffLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { out.push({ kind: 'same', text: x[i] }); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) { out.push({ kind: 'del', text: x[i] }); i++; }
    else { out.push({ kind: 'add', text: y[j] }); j++; }
  }
  while (i < n) out.push({ kind: 'del', text: x[i++] });
  while (j < m) out.push({ kind: 'add', text: y[j++] });
  return out;
}

const MARK = { same: ' ', add: '+', del: '-' };

export function diffView(a, b, { label } = {}) {
  return h('pre.diff', { tabindex: 0, 'aria-label': label }, diffLines(a, b).map(line => h('span', { class: `diff-${line.kind}` }, `${MARK[line.kind]} ${line.text}\n`)));
}
