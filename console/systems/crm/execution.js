// "/crm/workflows/:id/executions/:executionId" — one execution: its status and error, what triggered it (the entity
// and the context the run received, read from the runtime instance behind it), each action in order with its status,
// attempts, times, output and error, and the execution log. It updates until the execution is finished.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href } from '../../core/router.js';
import { definitionList, errorBox, jsonBlock, loading, page, poll, section } from '../../core/ui.js';
import { between, dateTime, duration } from '../../core/format.js';
import { FINISHED, executionBadge, path } from './model.js';
import { actionLabel } from './render.js';

export function executionPage(ctx) {
  const { id, executionId } = ctx.params;
  const root = h('div', loading());
  let workflow = null;
  let context;
  let stamp = '';
  poll(ctx, async () => {
    let execution;
    try {
      workflow ??= await api.get(path(id), undefined, { signal: ctx.signal }).catch(() => ({ id }));
      execution = await api.get(path(id, `/executions/${encodeURIComponent(executionId)}`), undefined, { signal: ctx.signal });
    } catch (error) {
      if (!ctx.signal.aborted) replace(root, page(t('crm.execution.title', { id: executionId }), {}, errorBox(error)));
      return error.status !== 404 && error.status !== 401;
    }
    if (context === undefined && execution.instance_id) {
      context = await api.get(`/api/instances/${encodeURIComponent(execution.instance_id)}`, undefined, { signal: ctx.signal }).then(i => i.input ?? null, () => null);
    }
    const next = JSON.stringify(execution);
    if (next !== stamp) {
      stamp = next;
      const open = new Set([...root.querySelectorAll('details[data-key]')].filter(d => d.open).map(d => d.dataset.key));
      replace(root, page(t('crm.execution.title', { id: execution.id }), {
        subtitle: t('crm.execution.subtitle', { name: workflow.name ?? `#${id}`, version: execution.workflow_version }),
        actions: [h('a.btn', { href: href(`/crm/workflows/${id}`, { tab: 'executions' }) }, t('crm.execution.back'))],
      }, executionResult(execution, { context, open, live: !FINISHED.has(execution.status) })));
    }
    return !FINISHED.has(execution.status);
  }, 1500);
  return root;
}

/** The execution as a page body (also the preview of a dry run, which has no stored execution). */
export function executionResult(e, { context, open = new Set(), live = false } = {}) {
  const actions = e.actions_executed ?? [];
  return h('div.crm-execution',
    h('div.status-line', executionBadge(e.status), e.dry_run ? h('span.tag', t('crm.executions.dryRun')) : null, live ? h('span.live', t('ui.live')) : null),
    e.error_message ? h('div.error-box', { role: 'alert' }, h('strong', t('crm.execution.error')), h('p', e.error_message)) : null,
    definitionList([
      [t('crm.executions.id'), h('code', e.id)],
      [t('crm.executions.triggeredBy'), t(`crm.by.${e.triggered_by}`)],
      [t('crm.executions.entity'), e.trigger_entity_type ? `${t(`crm.entity.${e.trigger_entity_type}`)} ${e.trigger_entity_id ?? ''}` : '—'],
      e.event_id ? [t('crm.execution.event'), h('code', e.event_id)] : null,
      [t('crm.executions.started'), dateTime(e.started_at)],
      [t('crm.execution.completed'), dateTime(e.completed_at)],
      [t('crm.executions.duration'), typeof e.duration_seconds === 'number' ? duration(e.duration_seconds * 1000) : '—'],
      [t('crm.execution.version'), `v${e.workflow_version}`],
      e.instance_id && !e.dry_run ? [t('crm.execution.instance'), h('a', { href: href(`/instances/${encodeURIComponent(e.instance_id)}`) }, h('code', e.instance_id))] : null,
    ]),
    section(t('crm.execution.timeline'), actions.length ? h('ol.crm-timeline', actions.map(a => h('li', { class: `crm-timeline-${a.status}` },
      h('div.crm-timeline-head',
        h('strong', t('crm.execution.action', { n: Number(a.index) + 1, type: actionLabel(a.type) })), ' ', executionBadge(a.status),
        a.attempts > 1 ? h('span.tag', t('crm.execution.attempts', { n: a.attempts })) : null),
      h('p.crm-timeline-time', dateTime(a.started_at), ' → ', dateTime(a.completed_at), a.started_at && a.completed_at ? ` (${duration(between(a.started_at, a.completed_at))})` : ''),
      a.error ? h('p.crm-timeline-error', a.error) : null,
      a.output !== undefined ? h('details', { 'data-key': `out-${a.index}`, open: open.has(`out-${a.index}`) }, h('summary', t('crm.execution.output')), jsonBlock(a.output)) : null)))
      : h('p.empty', e.status === 'SKIPPED' ? t('crm.execution.skipped') : t('crm.execution.noActions'))),
    context !== undefined ? section(t('crm.execution.context'), h('p.hint', t('crm.execution.contextHint')), jsonBlock(context, { label: t('crm.execution.context') })) : null,
    section(t('crm.execution.logs'), (e.execution_logs ?? []).length
      ? h('pre.json.crm-logs', { tabindex: 0, 'aria-label': t('crm.execution.logs') }, (e.execution_logs ?? []).join('\n'))
      : h('p.empty', t('crm.execution.noLogs'))));
}
