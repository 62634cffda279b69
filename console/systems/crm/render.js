// A workflow read aloud: its trigger, its conditions as a tree of AND / OR groups, and its actions in order. Shared by
// the details page and the editor's review step.
import { h } from '../../core/dom.js';
import { has, t } from '../../core/i18n.js';
import { definitionList } from '../../core/ui.js';
import { triggerLabel } from './model.js';

export function triggerView(type, config) {
  const entries = Object.entries(config ?? {});
  return h('div.crm-trigger-view',
    h('p', h('strong', triggerLabel(type)), has(`crm.triggerHint.${type}`) ? [' — ', t(`crm.triggerHint.${type}`)] : null),
    entries.length ? definitionList(entries.map(([k, v]) => [fieldLabel(k), valueText(v)])) : null);
}

export function conditionsView(conditions) {
  if (!conditions?.rules?.length) return h('p.empty', t('crm.cond.none'));
  return h('div.crm-tree', groupView(conditions));
}

function groupView(group) {
  const op = String(group.operator ?? 'AND').toUpperCase();
  return h('div.crm-tree-group',
    h('span.crm-tree-op', op === 'OR' ? t('crm.cond.any') : t('crm.cond.all')),
    h('ul', (group.rules ?? []).map((rule, i) => h('li', { 'data-op': i > 0 ? op : null },
      rule && rule.rules ? groupView(rule) : ruleView(rule)))));
}

function ruleView(rule) {
  return h('span.crm-tree-rule', h('code', rule?.field ?? '?'), ' ', h('span.crm-tree-operator', operatorLabel(rule?.operator)), ' ', h('code', valueText(rule?.value)));
}

export function operatorLabel(op) {
  return has(`crm.op.${op}`) ? t(`crm.op.${op}`) : String(op ?? '?');
}

export function actionsView(actions) {
  if (!actions?.length) return h('p.empty', t('crm.actions.none'));
  return h('ol.crm-action-view', actions.map(a => h('li',
    h('strong', actionLabel(a.type)),
    definitionList(Object.entries(a.config ?? {}).map(([k, v]) => [fieldLabel(k), h('code.crm-value', valueText(v))])))));
}

export function actionLabel(type) {
  return has(`crm.action.${type}`) ? t(`crm.action.${type}`) : String(type ?? '?');
}

export function fieldLabel(name) {
  return has(`crm.f.${name}`) ? t(`crm.f.${name}`) : name;
}

export function valueText(value) {
  if (value === null) return 'null';
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
