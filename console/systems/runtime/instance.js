// "/instances/:id" — one run: status, error, the timeline of its steps (start, end, duration, attempts, input,
// output, error, notes), the diagram coloured by step status, what the sandbox connectors would have sent, and the
// actions its state allows (terminate, replay from the failed step, purge). It updates live until the run ends.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { navigate } from '../../core/router.js';
import { actionButton, badge, confirmDialog, definitionList, errorBox, jsonBlock, loading, page, poll, section, table, toast } from '../../core/ui.js';
import { workflowDiagram } from '../../core/diagram.js';
import { between, dateTime, duration } from '../../core/format.js';
import { sandboxCallList } from './sandbox.js';

const FINISHED = new Set(['Completed', 'Failed', 'Terminated']);

export function instancePage(ctx) {
  const id = ctx.params.id;
  const root = h('div.instance', loading());
  const open = new Set();
  let definition = null;
  let lastStamp = '';
  // After terminate or replay the state changes a moment later: keep watching until then even if it looked finished.
  let watchUntil = 0;
  const changed = () => {
    watchUntil = Date.now() + 15_000;
    kick();
  };

  const kick = poll(ctx, async () => {
    let view;
    try {
      view = await api.get(`/api/instances/${encodeURIComponent(id)}`, undefined, { signal: ctx.signal });
    } catch (error) {
      if (!ctx.signal.aborted) replace(root, page(t('instance.title', { id }), {}, errorBox(error)));
      return error.status !== 404 && error.status !== 401;
    }
    if (!definition || definition.version !== view.workflowVersion) {
      definition = await api.get(`/api/workflows/${encodeURIComponent(view.workflowId)}`, { version: view.workflowVersion })
        .then(r => r.definition).catch(() => null);
    }
    const stamp = JSON.stringify([view.status, view.timeline?.length, view.timeline?.map(s => [s.status, s.attempts, s.endedAt])]);
    if (stamp !== lastStamp) {
      lastStamp = stamp;
      root.querySelectorAll('details[data-key]').forEach(d => (d.open ? open.add(d.dataset.key) : open.delete(d.dataset.key)));
      const calls = await api.get('/api/sandbox/calls', { instanceId: id }, { signal: ctx.signal }).catch(() => null);
      replace(root, render(view, definition, calls, open, changed));
    }
    if (!FINISHED.has(view.status)) watchUntil = 0;
    return !FINISHED.has(view.status) || Date.now() < watchUntil;
  }, 1000);

  return root;
}

function render(view, definition, calls, open, changed) {
  const live = !FINISHED.has(view.status);
  const statuses = new Map((view.timeline ?? []).map(s => [s.stepId, s.status]));
  return page(t('instance.title', { id: view.instanceId }), {
    subtitle: `${view.workflowId} v${view.workflowVersion}`,
    actions: actions(view, changed),
  },
  h('div.status-line', badge(view.status), view.dryRun ? badge('draft', t('instances.dryRunBadge')) : null, live ? h('span.live', { role: 'status' }, t('ui.live')) : null),
  view.error ? h('div.error-box.instance-error', { role: 'alert' },
    h('strong', t('instance.failedAt', { step: view.error.stepId ?? failedStep(view) ?? '?' })),
    h('p.error-kind', view.error.kind ?? ''),
    h('p.error-message', view.error.message ?? '')) : null,
  definitionList([
    [t('instances.workflow'), h('a', { href: `#/workflows/${encodeURIComponent(view.workflowId)}` }, view.workflowId)],
    [t('instances.created'), dateTime(view.createdAt)],
    [t('instance.ended'), dateTime(view.endedAt)],
    [t('instances.duration'), duration(between(view.createdAt, view.endedAt))],
  ]),
  section(t('instance.timeline'), timeline(view.timeline ?? [], open)),
  definition ? section(t('workflow.diagram'), workflowDiagram(definition, statuses)) : null,
  section(t('instance.sandbox'), calls?.calls?.length ? sandboxCallList(calls.calls) : h('p.empty', t('instance.noSandbox'))),
  section(t('instance.input'), jsonBlock(view.input)),
  section(t('instance.output'), jsonBlock(view.output)),
  view.customStatus ? section(t('instance.customStatus'), jsonBlock(view.customStatus)) : null);
}

function failedStep(view) {
  return (view.timeline ?? []).findLast?.(s => s.status === 'Failed')?.stepId;
}

function actions(view, changed) {
  const list = [];
  const id = encodeURIComponent(view.instanceId);
  if (!FINISHED.has(view.status)) {
    list.push(actionButton(t('instance.terminate'), async () => {
      if (!(await confirmDialog(t('instance.confirmTerminate'), t('instance.terminate')))) return;
      await api.post(`/api/instances/${id}/terminate`, { reason: 'Terminated from the console' });
      toast(t('instance.terminated'));
      changed();
    }, { kind: 'danger' }));
  }
  if (view.status === 'Failed') {
    list.push(actionButton(t('instance.replay'), async () => {
      await api.post(`/api/instances/${id}/replay`);
      toast(t('instance.replayed'));
      changed();
    }, { kind: 'primary', id: 'replay' }));
  }
  if (FINISHED.has(view.status)) {
    list.push(actionButton(t('instance.purge'), async () => {
      if (!(await confirmDialog(t('instance.confirmPurge'), t('instance.purge')))) return;
      await api.del(`/api/instances/${id}`);
      toast(t('instance.purged'));
      navigate('/instances');
    }, { kind: 'danger' }));
  }
  return list;
}

function timeline(steps, open) {
  return table([
    { label: t('instance.step'), value: s => h('code', s.key ?? s.stepId) },
    { label: t('instance.type'), value: s => s.type },
    { label: t('instances.status'), value: s => badge(s.status) },
    { label: t('instance.started'), value: s => dateTime(s.startedAt) },
    { label: t('instance.ended'), value: s => dateTime(s.endedAt) },
    { label: t('instances.duration'), value: s => duration(between(s.startedAt, s.endedAt)), class: 'num' },
    { label: t('instance.attempts'), value: s => String(s.attempts ?? 0), class: 'num' },
    { label: t('instance.details'), value: s => stepDetails(s, open), class: 'wrap' },
  ], steps, { empty: t('instance.noSteps'), rowClass: s => (s.status === 'Failed' ? 'row-bad' : '') });
}

function stepDetails(step, open) {
  const key = step.key ?? step.stepId;
  return h('details', { 'data-key': key, open: open.has(key) },
    h('summary', step.error ? step.error.message ?? step.error.kind : t('instance.show')),
    h('h3', t('instance.input')), jsonBlock(step.input),
    h('h3', t('instance.output')), jsonBlock(step.output),
    step.error ? [h('h3', t('instances.error')), jsonBlock(step.error)] : null,
    step.notes?.length ? [h('h3', t('instance.notes')), h('ul', step.notes.map(n => h('li', n)))] : null);
}
