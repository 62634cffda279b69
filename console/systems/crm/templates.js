// "/crm/templates" — the seed's ready-made workflows (GET /templates/list); "Create" makes a DRAFT workflow from one
// (POST /templates/{id}/create) and opens it in the editor.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, navigate } from '../../core/router.js';
import { actionButton, async, jsonBlock, page, toast } from '../../core/ui.js';
import { BASE } from './model.js';
import { actionsView, conditionsView, triggerView } from './render.js';

export function templatesPage(ctx) {
  return page(t('crm.templates.title'), {
    subtitle: t('crm.templates.subtitle'),
    actions: [h('a.btn', { href: href('/crm/workflows/new') }, t('crm.templates.blank')), h('a.btn', { href: href('/crm/workflows') }, t('crm.editor.backToList'))],
  }, async(async () => {
    const list = await api.get(`${BASE}/templates/list`, undefined, { signal: ctx.signal });
    const items = list.items ?? [];
    if (!items.length) return h('p.empty', t('crm.templates.none'));
    return h('ul.crm-templates', items.map(template => h('li.block.crm-template', { 'aria-labelledby': `tpl-${template.template_id}` },
      h('h2', { id: `tpl-${template.template_id}` }, template.name),
      template.description ? h('p', template.description) : null,
      h('h3', t('crm.step.trigger')), triggerView(template.trigger_type, template.trigger_config),
      h('h3', t('crm.step.conditions')), conditionsView(template.conditions),
      h('details', h('summary', t('crm.templates.actions', { n: template.actions?.length ?? 0 })), actionsView(template.actions)),
      h('details', h('summary', t('crm.templates.json')), jsonBlock(template)),
      h('div.actions', actionButton(t('crm.templates.create'), async () => {
        const created = await api.post(`${BASE}/templates/${encodeURIComponent(template.template_id)}/create`);
        toast(t('crm.templates.created', { name: created.name }));
        navigate(`/crm/workflows/${created.id}/edit`);
      }, { kind: 'primary', id: `create-${template.template_id}`, title: `${t('crm.templates.create')}: ${template.name}` })))));
  }));
}
