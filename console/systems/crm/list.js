// "/crm/workflows" — the CRM workflows: status and trigger type filtered by the API, the search text over names and
// descriptions in the page (the API has no text search); per workflow its runs and success rate (GET /{id}/stats),
// and the actions activate/deactivate, edit, duplicate, export, delete. Import takes exported JSON files.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, navigate, replaceQuery } from '../../core/router.js';
import { actionButton, button, confirmDialog, errorBox, field, input, loading, page, pager, select, table, toast } from '../../core/ui.js';
import { dateTime, number } from '../../core/format.js';
import { BASE, TRIGGER_TYPES, WORKFLOW_STATUSES, download, path, triggerLabel, workflowBadge } from './model.js';

const PAGE_SIZE = 25;
const SEARCH_LIMIT = 1000;

export function workflowListPage(ctx) {
  const filters = { status: ctx.query.status ?? '', trigger_type: ctx.query.trigger_type ?? '', q: ctx.query.q ?? '' };
  let skip = Math.max(0, Number(ctx.query.skip) || 0);
  const results = h('div.results', loading());

  const load = async () => {
    replace(results, loading());
    try {
      const searching = filters.q.trim() !== '';
      const list = await api.get(BASE, {
        status: filters.status, trigger_type: filters.trigger_type,
        skip: searching ? 0 : skip, limit: searching ? SEARCH_LIMIT : PAGE_SIZE,
      }, { signal: ctx.signal });
      let items = list.items ?? [];
      if (searching) {
        const words = filters.q.trim().toLowerCase().split(/\s+/);
        items = items.filter(w => words.every(word => `${w.name ?? ''} ${w.description ?? ''} ${w.id}`.toLowerCase().includes(word)));
      }
      replace(results,
        h('p.crm-count', { role: 'status' }, searching ? t('crm.list.found', { n: items.length }) : t('crm.list.total', { n: list.total ?? items.length })),
        workflowTable(items, load),
        searching ? null : pager({
          pageNumber: Math.floor(skip / PAGE_SIZE) + 1,
          hasNext: skip + PAGE_SIZE < (list.total ?? 0),
          onFirst: () => { skip = 0; load(); },
          onPrevious: () => { skip = Math.max(0, skip - PAGE_SIZE); load(); },
          onNext: () => { skip += PAGE_SIZE; load(); },
        }));
      results.dataset.loaded = 'true';
    } catch (error) {
      if (!ctx.signal.aborted) replace(results, errorBox(error));
    }
  };

  const form = h('form.filters', { on: { submit: e => { e.preventDefault(); replaceQuery(filters); } } },
    field(t('crm.list.status'), select('status', [['', t('ui.all')], ...WORKFLOW_STATUSES.map(s => [s, t(`crm.status.${s}`)])], filters.status, v => { filters.status = v; })),
    field(t('crm.list.trigger'), select('trigger_type', [['', t('ui.all')], ...TRIGGER_TYPES.map(s => [s, triggerLabel(s)])], filters.trigger_type, v => { filters.trigger_type = v; })),
    field(t('crm.list.search'), input('q', filters.q, { type: 'search', onChange: v => { filters.q = v; } }), t('crm.list.searchHint')),
    h('div.filter-buttons', h('button.btn.primary', { type: 'submit' }, t('ui.apply')), button(t('ui.reset'), () => replaceQuery({}))));

  load();
  return page(t('crm.list.title'), {
    subtitle: t('crm.list.subtitle'),
    actions: [
      h('a.btn.primary', { href: href('/crm/workflows/new') }, t('crm.list.new')),
      h('a.btn', { href: href('/crm/templates') }, t('crm.list.fromTemplate')),
      importButton(load),
      button(t('ui.refresh'), load),
    ],
  }, form, results);
}

function workflowTable(items, reload) {
  return table([
    { label: t('crm.list.name'), value: w => h('div', h('a', { href: href(`/crm/workflows/${w.id}`) }, w.name || `#${w.id}`), w.is_template ? [' ', h('span.tag', t('crm.isTemplate'))] : null, w.description ? h('small.crm-desc', w.description) : null), class: 'wrap' },
    { label: t('crm.list.status'), value: w => workflowBadge(w.status) },
    { label: t('crm.list.trigger'), value: w => triggerLabel(w.trigger_type) },
    { label: t('crm.list.version'), value: w => `v${w.version}`, class: 'num' },
    { label: t('crm.list.executions'), value: w => number(w.execution_count), class: 'num' },
    { label: t('crm.list.successRate'), value: w => successRate(w), class: 'num' },
    { label: t('crm.list.lastRun'), value: w => dateTime(w.last_executed_at) },
    { label: t('crm.list.actions'), value: w => rowActions(w, reload) },
  ], items, { empty: t('crm.list.none') });
}

function successRate(workflow) {
  const cell = h('span', '…');
  if (!workflow.execution_count) return replace(cell, '—');
  api.get(path(workflow.id, '/stats')).then(
    s => replace(cell, s.success_rate === null || s.success_rate === undefined ? '—' : `${number(s.success_rate, 1)} %`),
    () => replace(cell, '?'));
  return cell;
}

function rowActions(w, reload) {
  const active = String(w.status).toUpperCase() === 'ACTIVE';
  const name = w.name || `#${w.id}`;
  return h('div.crm-row-actions',
    actionButton(active ? t('crm.deactivate') : t('crm.activate'), async () => {
      await api.post(path(w.id, '/activate'), { status: active ? 'inactive' : 'active' });
      toast(active ? t('crm.deactivated', { name }) : t('crm.activated', { name }));
      reload();
    }, { kind: active ? 'secondary' : 'primary', title: `${active ? t('crm.deactivate') : t('crm.activate')}: ${name}` }),
    h('a.btn', { href: href(`/crm/workflows/${w.id}/edit`), title: `${t('crm.edit')}: ${name}` }, t('crm.edit')),
    actionButton(t('crm.duplicate'), async () => {
      const copy = await api.post(path(w.id, '/duplicate'));
      toast(t('crm.duplicated', { name: copy.name }));
      navigate(`/crm/workflows/${copy.id}`);
    }, { title: `${t('crm.duplicate')}: ${name}` }),
    actionButton(t('crm.export'), async () => {
      download(`crm-workflow-${w.id}.json`, await api.get(path(w.id, '/export')));
    }, { title: `${t('crm.export')}: ${name}` }),
    actionButton(t('ui.delete'), async () => {
      if (!(await confirmDialog(t('crm.confirmDelete', { name }), t('ui.delete')))) return;
      await api.del(path(w.id));
      toast(t('crm.deleted', { name }));
      reload();
    }, { kind: 'danger', title: `${t('ui.delete')}: ${name}` }));
}

/** Import: one exported document or an array of them (POST /import checks them all before storing any). */
function importButton(reload) {
  const file = h('input.sr-only', { type: 'file', accept: 'application/json,.json', tabindex: '-1', 'aria-hidden': 'true' });
  const message = h('span.action-message', { role: 'status' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    replace(message);
    try {
      let body;
      try {
        body = JSON.parse(await chosen.text());
      } catch (error) {
        throw new Error(t('crm.import.badJson', { message: error.message }));
      }
      const imported = await api.post(`${BASE}/import`, body);
      toast(t('crm.import.done', { n: imported.items?.length ?? 0 }));
      reload();
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  return h('span.action', button(t('crm.import.button'), () => file.click(), { title: t('crm.import.hint') }), file, message);
}
