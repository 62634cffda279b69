// "/workflows" — every loaded definition (shipped files and workflows made in the CRM editor) with its triggers,
// version and how its runs went over the last 7 days; definitions the loader refused are listed with the reason.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href } from '../../core/router.js';
import { async, badge, page, section, table } from '../../core/ui.js';
import { dateTime, number, percent } from '../../core/format.js';
import { loadStats } from './stats.js';

export function workflowsPage(ctx) {
  return page(t('workflows.title'), { subtitle: t('workflows.subtitle') }, async(async () => {
    const [list, stats] = await Promise.all([
      api.get('/api/workflows', undefined, { signal: ctx.signal }),
      loadStats('7d', undefined, ctx.signal).catch(() => ({ workflows: [] })),
    ]);
    const byId = new Map((stats.workflows ?? []).map(w => [w.workflowId, w]));
    const rows = (list.items ?? []).map(w => ({ ...w, stats: byId.get(w.id) }));
    return h('div',
      table([
        { label: t('workflows.name'), value: w => h('a', { href: href(`/workflows/${encodeURIComponent(w.id)}`) }, w.name || w.id) },
        { label: t('workflows.id'), value: w => h('code', w.id) },
        { label: t('workflows.triggers'), value: w => (w.triggers ?? []).map(tr => h('span.tag', tr)) },
        { label: t('workflows.status'), value: () => badge('active', t('workflows.loaded')) },
        { label: t('workflows.version'), value: w => `v${w.latestVersion}` },
        { label: t('workflows.executions'), value: w => number(w.stats?.executions ?? 0), class: 'num' },
        { label: t('workflows.successRate'), value: w => percent(w.stats?.successRate ?? null), class: 'num' },
        { label: t('workflows.lastRun'), value: w => dateTime(w.stats?.lastRunAt) },
      ], rows),
      list.problems?.length ? section(t('workflows.problems'), table([
        { label: t('workflows.source'), value: p => h('code', p.source) },
        { label: t('workflows.problem'), value: p => p.message, class: 'wrap' },
      ], list.problems)) : null);
  }));
}
