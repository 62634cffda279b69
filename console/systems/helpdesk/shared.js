// The triage outcomes of the seed's summary table, their colours, and the small pieces both helpdesk pages use.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { badge } from '../../core/ui.js';
import { number } from '../../core/format.js';

export const ACTIONS = ['GO', 'ROUTE', 'NEEDS_CLARIFICATION', 'DUPLICATE_UBER', 'STOPPED_EXAM_DATE_PASSED'];
const ACTION_CLASS = { GO: 'ok', ROUTE: 'run', NEEDS_CLARIFICATION: 'wait', DUPLICATE_UBER: 'muted', STOPPED_EXAM_DATE_PASSED: 'wait' };
const ACTION_BADGE = { GO: 'completed', ROUTE: 'running', NEEDS_CLARIFICATION: 'pending', DUPLICATE_UBER: 'inactive', STOPPED_EXAM_DATE_PASSED: 'pending' };

export function batchHref(id) {
  return `#/helpdesk/batches/${encodeURIComponent(id)}`;
}

/** A summary {by_action, failed} as bars: the five outcomes of the seed's table, then the failures. */
export function outcomeBars(summary) {
  return [
    ...ACTIONS.map(a => ({ label: a, value: summary?.by_action?.[a] ?? 0, text: number(summary?.by_action?.[a] ?? 0), class: ACTION_CLASS[a] })),
    { label: t('helpdesk.failures'), value: summary?.failed ?? 0, text: number(summary?.failed ?? 0), class: 'bad' },
  ];
}

export function outcomeBadge(result) {
  if (!result.success) return badge('failed', t('helpdesk.failed'));
  const action = result.triage_action;
  return badge(ACTION_BADGE[action] ?? 'inactive', action ?? result.stage ?? '—');
}

/** "GO 3 · ROUTE 1 · … · failures 0" in one line, for the batch list. */
export function summaryLine(summary) {
  if (!summary) return h('span.hint', t('helpdesk.noSummary'));
  const parts = ACTIONS.filter(a => summary.by_action?.[a]).map(a => `${a} ${summary.by_action[a]}`);
  if (summary.failed) parts.push(`${t('helpdesk.failures')} ${summary.failed}`);
  return h('span', parts.length ? parts.join(' · ') : t('helpdesk.nothingProcessed'));
}

/** What the five outcomes mean, under the chart. */
export function outcomeLegend() {
  return h('details.outcome-legend', h('summary', t('helpdesk.legend')),
    h('dl.facts', ACTIONS.map(a => [h('dt', h('code', a)), h('dd', t(`helpdesk.action.${a}`))])));
}
