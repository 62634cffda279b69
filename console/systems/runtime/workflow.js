// "/workflows/:id" — one definition: its diagram, its versions side by side with a diff, its JSON, its latest
// runs, and a form to start it (or dry-run it) with an input.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, navigate } from '../../core/router.js';
import { actionButton, async, badge, definitionList, errorBox, field, jsonBlock, page, section, select, table } from '../../core/ui.js';
import { workflowDiagram } from '../../core/diagram.js';
import { diffView } from '../../core/diff.js';
import { dateTime } from '../../core/format.js';

export function workflowPage(ctx) {
  const id = ctx.params.id;
  return async(async () => {
    const { workflow, definition } = await api.get(`/api/workflows/${encodeURIComponent(id)}`, undefined, { signal: ctx.signal });
    return page(workflow.name || workflow.id, { subtitle: workflow.description },
      definitionList([
        [t('workflows.id'), h('code', workflow.id)],
        [t('workflows.version'), `v${workflow.latestVersion}`],
        [t('workflows.versions'), (workflow.versions ?? []).map(v => `v${v}`).join(', ')],
        [t('workflows.triggers'), (workflow.triggers ?? []).join(', ') || '—'],
      ]),
      section(t('workflow.diagram'), workflowDiagram(definition)),
      section(t('workflow.start'), startForm(workflow)),
      section(t('workflow.versions'), versions(workflow, definition, ctx.signal)),
      section(t('workflow.recent'), async(() => recent(ctx, id))),
      section(t('workflow.definition'), jsonBlock(definition, { label: t('workflow.definition') })));
  });
}

function startForm(workflow) {
  const input = h('textarea', { name: 'input', rows: 4, spellcheck: 'false' }, '{}');
  const dryRun = h('input', { type: 'checkbox', name: 'dryRun', checked: true });
  return h('form.start', { on: { submit: e => e.preventDefault() } },
    field(t('workflow.input'), input, t('workflow.inputHint')),
    h('label.check', dryRun, ' ', t('workflow.dryRun')),
    actionButton(t('workflow.startButton'), async () => {
      let body;
      try {
        body = JSON.parse(input.value || '{}');
      } catch (error) {
        throw new Error(t('workflow.badJson', { message: error.message }));
      }
      const started = await api.post(`/api/workflows/${encodeURIComponent(workflow.id)}/instances${dryRun.checked ? '?dryRun=true' : ''}`, body);
      navigate(`/instances/${encodeURIComponent(started.instanceId)}`);
    }, { kind: 'primary' }));
}

function versions(workflow, latest, signal) {
  const all = workflow.versions ?? [workflow.latestVersion];
  if (all.length < 2) return h('p.empty', t('workflow.oneVersion'));
  const view = h('div.diff-box');
  let from = all[all.length - 2];
  let to = all[all.length - 1];
  const load = async () => {
    replace(view, h('p.loading', t('ui.loading')));
    try {
      const [a, b] = await Promise.all([from, to].map(v => (v === latest.version ? { definition: latest } : api.get(`/api/workflows/${encodeURIComponent(workflow.id)}`, { version: v }, { signal }))));
      replace(view, diffView(JSON.stringify(a.definition, null, 2), JSON.stringify(b.definition, null, 2), { label: t('workflow.diffLabel', { from, to }) }));
    } catch (error) {
      if (!signal.aborted) replace(view, errorBox(error));
    }
  };
  const options = all.map(v => [v, `v${v}`]);
  const fromSelect = select('from', options, from, v => { from = Number(v); load(); });
  const toSelect = select('to', options, to, v => { to = Number(v); load(); });
  load();
  return h('div', h('div.filters', field(t('workflow.compare'), fromSelect), field(t('workflow.with'), toSelect)), view);
}

async function recent(ctx, id) {
  const list = await api.get('/api/instances', { workflowId: id, limit: 10 }, { signal: ctx.signal });
  return h('div',
    table([
      { label: t('instances.instance'), value: i => h('a', { href: href(`/instances/${encodeURIComponent(i.instanceId)}`) }, i.instanceId) },
      { label: t('instances.status'), value: i => badge(i.status) },
      { label: t('instances.created'), value: i => dateTime(i.createdAt) },
      { label: t('instances.dryRun'), value: i => (i.dryRun ? t('ui.yes') : t('ui.no')) },
    ], list.items ?? []),
    h('p', h('a', { href: href('/instances', { workflowId: id }) }, t('workflow.allRuns'))));
}
