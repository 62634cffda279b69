// "/" — what ran, what failed and what waits: totals, executions and failures over time, success rate and
// duration percentiles per workflow, the latest failures.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, replaceQuery } from '../../core/router.js';
import { async, badge, page, section, select, table } from '../../core/ui.js';
import { horizontalBars, stackedBars } from '../../core/charts.js';
import { dateTime, duration, number, percent } from '../../core/format.js';
import { loadStats, PERIODS, seriesPoints } from './stats.js';

export function overviewPage(ctx) {
  const period = PERIODS[ctx.query.period] ? ctx.query.period : '7d';
  const periodSelect = select('period', Object.keys(PERIODS).map(p => [p, t(`overview.period.${p}`)]), period, value => replaceQuery({ period: value }));
  periodSelect.setAttribute('aria-label', t('overview.period'));
  return page(t('overview.title'), { actions: [periodSelect] },
    async(async () => {
      const stats = await loadStats(period, undefined, ctx.signal);
      return h('div.overview', totals(stats), charts(stats));
    }),
    section(t('overview.latestFailures'), async(() => latestFailures(ctx))));
}

function totals(stats) {
  const x = stats.totals ?? {};
  const card = (label, value, cls) => h('div.card', { class: cls }, h('span.card-value', value), h('span.card-label', label));
  return h('div.cards',
    card(t('overview.executions'), number(x.executions)),
    card(t('overview.successRate'), percent(x.successRate), x.successRate !== null && x.successRate < 0.9 ? 'bad' : 'ok'),
    card(t('overview.failed'), number(x.failed), x.failed ? 'bad' : ''),
    card(t('overview.running'), number(x.running)),
    card(t('overview.p95'), duration(x.durationMs?.p95)));
}

function charts(stats) {
  const workflows = [...(stats.workflows ?? [])].sort((a, b) => b.executions - a.executions).slice(0, 12);
  return h('div.charts',
    stackedBars(t('overview.overTime'), seriesPoints(stats), [
      { key: 'completed', label: t('status.Completed'), class: 'ok' },
      { key: 'failed', label: t('status.Failed'), class: 'bad' },
      { key: 'other', label: t('overview.other'), class: 'muted' },
    ]),
    horizontalBars(t('overview.successByWorkflow'), workflows.map(w => ({
      label: w.workflowId, value: w.successRate ?? 0, text: percent(w.successRate), class: (w.successRate ?? 1) < 0.9 ? 'bad' : 'ok',
    })), { max: 1 }),
    horizontalBars(t('overview.durationByWorkflow'), workflows.filter(w => w.durationMs?.p95 != null).map(w => ({
      label: w.workflowId, value: w.durationMs.p95, text: `p50 ${duration(w.durationMs.p50)} · p95 ${duration(w.durationMs.p95)} · p99 ${duration(w.durationMs.p99)}`,
    }))));
}

async function latestFailures(ctx) {
  const list = await api.get('/api/instances', { status: 'Failed', limit: 10 }, { signal: ctx.signal });
  return h('div',
    table([
      { label: t('instances.instance'), value: i => h('a', { href: href(`/instances/${encodeURIComponent(i.instanceId)}`) }, i.instanceId) },
      { label: t('instances.workflow'), value: i => i.workflowId },
      { label: t('instances.status'), value: i => badge(i.status) },
      { label: t('instances.failedStep'), value: i => i.failedStep ?? '—' },
      { label: t('instances.error'), value: i => i.error?.message ?? '—', class: 'wrap' },
      { label: t('instances.created'), value: i => dateTime(i.createdAt) },
    ], list.items ?? [], { empty: t('overview.noFailures') }),
    h('p', h('a', { href: href('/instances', { status: 'Failed' }) }, t('overview.allFailures'))));
}
