// "/instances" — every run, newest first, filtered on the server (workflow, status, dry run, created between) and
// paged with the API's continuation tokens, so the first page comes back as fast with 100,000 runs as with ten.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, replaceQuery } from '../../core/router.js';
import { badge, button, errorBox, field, input, loading, page, pager, select, table } from '../../core/ui.js';
import { between, dateTime, duration } from '../../core/format.js';

const STATUSES = ['Pending', 'Running', 'Waiting', 'Completed', 'Failed', 'Terminated'];
const PAGE_SIZE = 50;

export function instancesPage(ctx) {
  const filters = {
    workflowId: ctx.query.workflowId ?? '',
    status: ctx.query.status ?? '',
    dryRun: ctx.query.dryRun ?? '',
    createdFrom: ctx.query.createdFrom ?? '',
    createdTo: ctx.query.createdTo ?? '',
  };
  const results = h('div.results', loading());
  const tokens = [null];
  let pageIndex = 0;

  const load = async () => {
    replace(results, loading());
    try {
      const list = await api.get('/api/instances', {
        ...filters,
        createdFrom: toIso(filters.createdFrom),
        createdTo: toIso(filters.createdTo),
        limit: PAGE_SIZE,
        continuationToken: tokens[pageIndex],
      }, { signal: ctx.signal });
      tokens[pageIndex + 1] = list.continuationToken ?? undefined;
      replace(results, instanceTable(list.items ?? []), pager({
        pageNumber: pageIndex + 1,
        hasNext: Boolean(list.continuationToken),
        onFirst: () => { pageIndex = 0; load(); },
        onPrevious: () => { pageIndex = Math.max(0, pageIndex - 1); load(); },
        onNext: () => { pageIndex += 1; load(); },
      }));
      results.dataset.loaded = 'true';
    } catch (error) {
      if (!ctx.signal.aborted) replace(results, errorBox(error));
    }
  };

  const workflowSelect = select('workflowId', [['', t('ui.all')]], filters.workflowId, v => { filters.workflowId = v; });
  api.get('/api/workflows', undefined, { signal: ctx.signal }).then(list => {
    for (const w of list.items ?? []) workflowSelect.append(h('option', { value: w.id, selected: w.id === filters.workflowId }, w.id));
  }).catch(() => {});

  const form = h('form.filters', {
    on: { submit: e => { e.preventDefault(); replaceQuery(filters); } },
  },
  field(t('instances.workflow'), workflowSelect),
  field(t('instances.status'), select('status', [['', t('ui.all')], ...STATUSES.map(s => [s, t(`status.${s}`)])], filters.status, v => { filters.status = v; })),
  field(t('instances.dryRun'), select('dryRun', [['', t('ui.all')], ['true', t('ui.yes')], ['false', t('ui.no')]], filters.dryRun, v => { filters.dryRun = v; })),
  field(t('instances.createdFrom'), input('createdFrom', filters.createdFrom, { type: 'datetime-local', onChange: v => { filters.createdFrom = v; } })),
  field(t('instances.createdTo'), input('createdTo', filters.createdTo, { type: 'datetime-local', onChange: v => { filters.createdTo = v; } })),
  h('div.filter-buttons', h('button.btn.primary', { type: 'submit' }, t('ui.apply')), button(t('ui.reset'), () => replaceQuery({}))));

  load();
  return page(t('instances.title'), { actions: [button(t('ui.refresh'), () => { pageIndex = 0; load(); })] }, form, results);
}

function toIso(local) {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function instanceTable(items) {
  return table([
    { label: t('instances.instance'), value: i => h('a', { href: href(`/instances/${encodeURIComponent(i.instanceId)}`) }, h('code', i.instanceId)) },
    { label: t('instances.workflow'), value: i => `${i.workflowId} v${i.workflowVersion ?? ''}` },
    { label: t('instances.status'), value: i => badge(i.status) },
    { label: t('instances.created'), value: i => dateTime(i.createdAt) },
    { label: t('instances.duration'), value: i => (i.endedAt ? duration(between(i.createdAt, i.endedAt)) : '—'), class: 'num' },
    { label: t('instances.dryRun'), value: i => (i.dryRun ? badge('draft', t('instances.dryRunBadge')) : '') },
    { label: t('instances.error'), value: i => (i.error ? `${i.failedStep ? `${i.failedStep}: ` : ''}${i.error.message ?? i.error.kind}` : ''), class: 'wrap' },
  ], items, { empty: t('instances.none'), rowClass: i => (i.status === 'Failed' ? 'row-bad' : '') });
}
