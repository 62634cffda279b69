// "/crm/workflows/:id" — one CRM workflow: its configuration read as text, its executions (paged and filtered by the
// API), statistics as charts, its versions with a diff and rollback, and "Run now" (POST /{id}/execute, or a dry run
// whose preview shows here since nothing is stored).
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, navigate } from '../../core/router.js';
import { actionButton, async, button, confirmDialog, definitionList, errorBox, field, jsonBlock, loading, page, pager, section, select, table, toast } from '../../core/ui.js';
import { horizontalBars, lines, stackedBars } from '../../core/charts.js';
import { diffView } from '../../core/diff.js';
import { dateTime, duration, number } from '../../core/format.js';
import { lang } from '../../core/i18n.js';
import { ENTITY_TYPES, EXECUTION_STATUSES, crmField, crmTabs, download, executionBadge, path, selectTab, workflowBadge } from './model.js';
import { actionsView, conditionsView, triggerView } from './render.js';
import { executionResult } from './execution.js';

const TABS = ['details', 'executions', 'stats', 'versions'];
const PAGE_SIZE = 20;

export function detailPage(ctx) {
  const id = ctx.params.id;
  return async(async () => {
    const workflow = await api.get(path(id), undefined, { signal: ctx.signal });
    let active = TABS.includes(ctx.query.tab) ? ctx.query.tab : 'details';
    const panel = h('div.crm-tabpanel', { id: 'crm-tab-panel', role: 'tabpanel', tabindex: '0' });
    const tabList = crmTabs(TABS.map(tab => ({ id: tab, label: t(`crm.tab.${tab}`) })), active, tab => choose(tab));
    const choose = tab => {
      active = tab;
      selectTab(tabList, tab);
      panel.setAttribute('aria-labelledby', `crm-tab-${tab}`);
      history.replaceState(null, '', href(`/crm/workflows/${id}`, tab === 'details' ? {} : { tab }));
      replace(panel, ({ details: detailsTab, executions: executionsTab, stats: statsTab, versions: versionsTab })[tab](workflow, ctx));
    };
    const runBox = h('section.block.crm-run', { id: 'crm-run', hidden: true, 'aria-labelledby': 'crm-run-title' });
    const runToggle = h('button.btn.primary', { type: 'button', id: 'crm-run-now', 'aria-expanded': 'false', 'aria-controls': 'crm-run', on: { click: () => {
      const open = runBox.hidden;
      runBox.hidden = !open;
      runToggle.setAttribute('aria-expanded', String(open));
      if (open) { replace(runBox, runForm(workflow)); runBox.querySelector('select')?.focus(); }
    } } }, t('crm.run.button'));
    choose(active);
    const isActive = String(workflow.status).toUpperCase() === 'ACTIVE';
    return page(workflow.name || `#${workflow.id}`, {
      subtitle: workflow.description,
      actions: [
        runToggle,
        h('a.btn', { href: href(`/crm/workflows/${id}/edit`) }, t('crm.edit')),
        actionButton(isActive ? t('crm.deactivate') : t('crm.activate'), async () => {
          await api.post(path(id, '/activate'), { status: isActive ? 'inactive' : 'active' });
          toast(isActive ? t('crm.deactivated', { name: workflow.name }) : t('crm.activated', { name: workflow.name }));
          navigate(`/crm/workflows/${id}`, { tab: active === 'details' ? undefined : active, at: Date.now() });
        }),
        actionButton(t('crm.duplicate'), async () => {
          const copy = await api.post(path(id, '/duplicate'));
          toast(t('crm.duplicated', { name: copy.name }));
          navigate(`/crm/workflows/${copy.id}`);
        }),
        actionButton(t('crm.export'), async () => download(`crm-workflow-${id}.json`, await api.get(path(id, '/export')))),
        actionButton(t('ui.delete'), async () => {
          if (!(await confirmDialog(t('crm.confirmDelete', { name: workflow.name }), t('ui.delete')))) return;
          await api.del(path(id));
          toast(t('crm.deleted', { name: workflow.name }));
          navigate('/crm/workflows');
        }, { kind: 'danger' }),
      ],
    },
    h('div.status-line', workflowBadge(workflow.status), workflow.is_template ? h('span.tag', t('crm.isTemplate')) : null,
      h('span', t('crm.detail.versionLine', { version: workflow.version, n: number(workflow.execution_count) }))),
    runBox,
    tabList,
    panel);
  });
}

function detailsTab(w) {
  return h('div',
    definitionList([
      [t('crm.detail.id'), h('code', String(w.id))],
      [t('crm.f.status'), workflowBadge(w.status)],
      [t('crm.list.version'), `v${w.version}`],
      [t('crm.detail.createdBy'), w.created_by ?? '—'],
      [t('crm.detail.created'), dateTime(w.created_at)],
      [t('crm.detail.updated'), dateTime(w.updated_at)],
      [t('crm.list.lastRun'), dateTime(w.last_executed_at)],
      [t('crm.detail.instances'), h('a', { href: href('/instances', { workflowId: `crm.workflow.${w.id}` }) }, t('crm.detail.instancesLink'))],
    ]),
    section(t('crm.step.trigger'), triggerView(w.trigger_type, w.trigger_config)),
    section(t('crm.step.conditions'), conditionsView(w.conditions)),
    section(t('crm.step.actions'), actionsView(w.actions)),
    h('details.block', h('summary', t('crm.detail.json')), jsonBlock(w)));
}

function executionsTab(w, ctx) {
  let status = '';
  let skip = 0;
  const results = h('div', loading());
  const load = async () => {
    replace(results, loading());
    try {
      const list = await api.get(path(w.id, '/executions'), { status, skip, limit: PAGE_SIZE }, { signal: ctx.signal });
      replace(results, executionTable(w.id, list.items ?? []), pager({
        pageNumber: Math.floor(skip / PAGE_SIZE) + 1,
        hasNext: skip + PAGE_SIZE < (list.total ?? 0),
        onFirst: () => { skip = 0; load(); },
        onPrevious: () => { skip = Math.max(0, skip - PAGE_SIZE); load(); },
        onNext: () => { skip += PAGE_SIZE; load(); },
      }), h('p.hint', t('crm.executions.total', { n: number(list.total ?? 0) })));
    } catch (error) {
      if (!ctx.signal.aborted) replace(results, errorBox(error));
    }
  };
  load();
  return h('div',
    h('div.filters',
      field(t('crm.list.status'), select('status', [['', t('ui.all')], ...EXECUTION_STATUSES.map(s => [s, t(`crm.exec.${s}`)])], status, v => { status = v; skip = 0; load(); })),
      h('div.filter-buttons', button(t('ui.refresh'), load))),
    results);
}

export function executionTable(workflowId, items) {
  return table([
    { label: t('crm.executions.id'), value: e => h('a', { href: href(`/crm/workflows/${workflowId}/executions/${encodeURIComponent(e.id)}`) }, h('code', e.id)), class: 'wrap' },
    { label: t('crm.list.status'), value: e => h('span', executionBadge(e.status), e.dry_run ? [' ', h('span.tag', t('crm.executions.dryRun'))] : null) },
    { label: t('crm.executions.triggeredBy'), value: e => t(`crm.by.${e.triggered_by}`) },
    { label: t('crm.executions.entity'), value: e => (e.trigger_entity_type ? `${t(`crm.entity.${e.trigger_entity_type}`)} ${e.trigger_entity_id ?? ''}` : '—') },
    { label: t('crm.executions.started'), value: e => dateTime(e.started_at) },
    { label: t('crm.executions.duration'), value: e => (e.duration_seconds === null || e.duration_seconds === undefined ? '—' : duration(e.duration_seconds * 1000)), class: 'num' },
    { label: t('crm.executions.actions'), value: e => (e.actions_executed ?? []).map(a => h('span.crm-dot', { class: `crm-dot-${a.status}`, title: `${a.index}: ${a.type} · ${t(`crm.exec.${a.status}`)}` }, String(Number(a.index) + 1))) },
    { label: t('crm.executions.error'), value: e => e.error_message ?? '', class: 'wrap' },
  ], items, { empty: t('crm.executions.none'), rowClass: e => (e.status === 'FAILED' ? 'row-bad' : '') });
}

function statsTab(w, ctx) {
  return async(async () => {
    const [stats, recent] = await Promise.all([
      api.get(path(w.id, '/stats'), undefined, { signal: ctx.signal }),
      api.get(path(w.id, '/executions'), { limit: 1000 }, { signal: ctx.signal }),
    ]);
    const items = recent.items ?? [];
    const days = dayBuckets(items, 14);
    const card = (label, value, kind) => h('div.card', { class: kind }, h('span.card-value', value), h('span.card-label', label));
    return h('div',
      h('div.cards',
        card(t('crm.stats.total'), number(stats.total_executions)),
        card(t('crm.stats.successRate'), stats.success_rate === null || stats.success_rate === undefined ? '—' : `${number(stats.success_rate, 1)} %`, 'ok'),
        card(t('crm.stats.failed'), number(stats.failed_count), stats.failed_count ? 'bad' : ''),
        card(t('crm.stats.skipped'), number(stats.skipped_count)),
        card(t('crm.stats.running'), number(stats.running_count)),
        card(t('crm.stats.avgDuration'), stats.avg_duration_seconds === null || stats.avg_duration_seconds === undefined ? '—' : duration(stats.avg_duration_seconds * 1000)),
        card(t('crm.stats.last'), dateTime(stats.last_execution))),
      h('div.charts',
        horizontalBars(t('crm.stats.outcomes'), [
          { label: t('crm.exec.SUCCESS'), value: stats.success_count ?? 0, class: 'ok' },
          { label: t('crm.exec.FAILED'), value: stats.failed_count ?? 0, class: 'bad' },
          { label: t('crm.exec.SKIPPED'), value: stats.skipped_count ?? 0 },
          { label: t('crm.stats.running'), value: stats.running_count ?? 0 },
        ], { max: Math.max(1, stats.total_executions ?? 0) }),
        stackedBars(t('crm.stats.overTime'), days.map(d => ({ label: d.label, values: d.counts })), [
          { key: 'SUCCESS', label: t('crm.exec.SUCCESS'), class: 'ok' },
          { key: 'FAILED', label: t('crm.exec.FAILED'), class: 'bad' },
          { key: 'SKIPPED', label: t('crm.exec.SKIPPED'), class: 'muted' },
          { key: 'OTHER', label: t('crm.stats.running'), class: 'run' },
        ]),
        lines(t('crm.stats.durations'), days.map(d => ({ label: d.label, values: { avg: d.avg, max: d.max } })), [
          { key: 'avg', label: t('crm.stats.avg'), class: 'run' },
          { key: 'max', label: t('crm.stats.max'), class: 'wait' },
        ], v => `${number(v, 1)} s`)),
      h('p.hint', t('crm.stats.note', { n: number(items.length), total: number(recent.total ?? items.length) })));
  });
}

/** The last `count` days (local time), each with its executions by status and its durations in seconds. */
function dayBuckets(items, count) {
  const locale = lang() === 'fr' ? 'fr-FR' : 'en-GB';
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const days = Array.from({ length: count }, (_, i) => {
    const start = new Date(today);
    start.setDate(today.getDate() - (count - 1 - i));
    return { start, label: start.toLocaleDateString(locale, { day: '2-digit', month: '2-digit' }), counts: { SUCCESS: 0, FAILED: 0, SKIPPED: 0, OTHER: 0 }, durations: [] };
  });
  for (const e of items) {
    const at = new Date(e.started_at);
    const day = [...days].reverse().find(d => at >= d.start);
    if (!day) continue;
    const key = ['SUCCESS', 'FAILED', 'SKIPPED'].includes(e.status) ? e.status : 'OTHER';
    day.counts[key] += 1;
    if (typeof e.duration_seconds === 'number') day.durations.push(e.duration_seconds);
  }
  for (const d of days) {
    d.avg = d.durations.length ? d.durations.reduce((a, b) => a + b, 0) / d.durations.length : null;
    d.max = d.durations.length ? Math.max(...d.durations) : null;
  }
  return days;
}

function versionsTab(w, ctx) {
  return async(async () => {
    const list = await api.get(path(w.id, '/versions'), undefined, { signal: ctx.signal });
    const versions = list.items ?? [];
    const latest = versions.at(-1)?.version ?? w.version;
    const table1 = table([
      { label: t('crm.list.version'), value: v => h('span', `v${v.version}`, v.version === latest ? [' ', h('span.tag', t('crm.versions.current'))] : null) },
      { label: t('crm.versions.change'), value: v => v.change ?? '—', class: 'wrap' },
      { label: t('crm.versions.by'), value: v => v.by ?? '—' },
      { label: t('crm.versions.at'), value: v => dateTime(v.created_at) },
      { label: t('crm.list.actions'), value: v => (v.version === latest ? '' : actionButton(t('crm.versions.rollback', { version: v.version }), async () => {
        if (!(await confirmDialog(t('crm.versions.confirmRollback', { version: v.version, next: latest + 1 }), t('crm.versions.rollbackShort')))) return;
        await api.post(path(w.id, '/rollback'), { version: v.version });
        toast(t('crm.versions.rolledBack', { version: v.version }));
        navigate(`/crm/workflows/${w.id}`, { tab: 'versions', at: Date.now() });
      })) },
    ], [...versions].reverse(), { empty: t('crm.versions.none') });
    if (versions.length < 2) return h('div', table1, h('p.empty', t('crm.versions.one')));
    let from = versions.at(-2).version;
    let to = latest;
    const view = h('div');
    const byNumber = new Map(versions.map(v => [v.version, v]));
    const load = async () => {
      replace(view, loading());
      try {
        const diff = await api.get(path(w.id, '/diff'), { from, to }, { signal: ctx.signal });
        const a = JSON.stringify(byNumber.get(from)?.definition ?? {}, null, 2);
        const b = JSON.stringify(byNumber.get(to)?.definition ?? {}, null, 2);
        replace(view,
          h('h3', t('crm.versions.changes', { n: diff.changes?.length ?? 0 })),
          table([
            { label: t('crm.versions.path'), value: c => h('code', c.path), class: 'wrap' },
            { label: t('crm.versions.kind'), value: c => t(`crm.diff.${c.kind}`) },
            { label: t('crm.versions.from'), value: c => (c.kind === 'added' ? '—' : h('code.crm-value', JSON.stringify(c.from ?? null))), class: 'wrap' },
            { label: t('crm.versions.to'), value: c => (c.kind === 'removed' ? '—' : h('code.crm-value', JSON.stringify(c.to ?? null))), class: 'wrap' },
          ], diff.changes ?? [], { empty: t('crm.versions.same') }),
          h('h3', t('crm.versions.lines')),
          diffView(a, b, { label: t('crm.versions.diffLabel', { from, to }) }));
      } catch (error) {
        if (!ctx.signal.aborted) replace(view, errorBox(error));
      }
    };
    const options = versions.map(v => [v.version, `v${v.version}`]);
    load();
    return h('div', table1,
      section(t('crm.versions.compare'),
        h('div.filters',
          field(t('crm.versions.fromVersion'), select('from', options, from, v => { from = Number(v); load(); })),
          field(t('crm.versions.toVersion'), select('to', options, to, v => { to = Number(v); load(); }))),
        view));
  });
}

function runForm(w) {
  const entityType = h('select', { name: 'trigger_entity_type' }, h('option', { value: '' }, t('crm.run.noEntity')), ENTITY_TYPES.map(e => h('option', { value: e }, t(`crm.entity.${e}`))));
  const entityId = h('input', { name: 'trigger_entity_id', autocomplete: 'off', placeholder: '1' });
  const data = h('textarea', { name: 'trigger_data', rows: 3, spellcheck: 'false', placeholder: '{}' });
  const dryRun = h('input', { type: 'checkbox', name: 'dry_run' });
  const fields = { trigger_entity_type: crmField(t('crm.run.entityType'), entityType), trigger_entity_id: crmField(t('crm.run.entityId'), entityId, { hint: t('crm.run.entityHint') }), trigger_data: crmField(t('crm.run.data'), data, { hint: t('crm.run.dataHint') }) };
  const result = h('div.crm-run-result', { role: 'status' });
  return [
    h('h2', { id: 'crm-run-title' }, t('crm.run.title')),
    h('p.hint', String(w.status).toUpperCase() === 'ACTIVE' ? t('crm.run.intro') : t('crm.run.introInactive')),
    h('form', { on: { submit: e => e.preventDefault() } },
      h('div.crm-run-fields', Object.values(fields)),
      h('label.check', dryRun, ' ', t('crm.run.dryRun')),
      actionButton(t('crm.run.start'), async () => {
        Object.values(fields).forEach(f => { f.crm.error.replaceChildren(); f.crm.control.removeAttribute('aria-invalid'); });
        replace(result);
        const body = { dry_run: dryRun.checked };
        if (entityType.value) body.trigger_entity_type = entityType.value;
        const idText = entityId.value.trim();
        if (idText) body.trigger_entity_id = /^\d+$/.test(idText) ? Number(idText) : idText;
        if (data.value.trim()) {
          try {
            body.trigger_data = JSON.parse(data.value);
          } catch (error) {
            throw new Error(t('crm.hint.badJson', { message: error.message }));
          }
        }
        let execution;
        try {
          execution = await api.post(path(w.id, '/execute'), body);
        } catch (error) {
          for (const [p, message] of error.fieldErrors ?? []) {
            const f = fields[p.replace(/^\$\./, '')];
            if (f) { f.crm.error.append(h('span', message)); f.crm.control.setAttribute('aria-invalid', 'true'); }
          }
          throw error;
        }
        if (body.dry_run) {
          replace(result, h('h3', t('crm.run.preview')), executionResult(execution));
        } else {
          toast(t('crm.run.started'));
          navigate(`/crm/workflows/${w.id}/executions/${encodeURIComponent(execution.id)}`);
        }
      }, { kind: 'primary', id: 'crm-run-start' })),
    result,
  ];
}
