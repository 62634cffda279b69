// What the CRM workflow API accepts (docs/crm.md, src/Serverless.Crm/Workflows), the calls the pages make, and the
// small pieces they share: status badges, ARIA tabs with arrow keys, a labelled field with a slot for the API's error.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { badge } from '../../core/ui.js';

export const BASE = '/api/v1/workflows';
export const path = (id, rest = '') => `${BASE}/${encodeURIComponent(id)}${rest}`;

export const WORKFLOW_STATUSES = ['ACTIVE', 'INACTIVE', 'DRAFT'];
export const EXECUTION_STATUSES = ['PENDING', 'RUNNING', 'SUCCESS', 'FAILED', 'SKIPPED'];
export const TRIGGER_TYPES = ['organisation_created', 'organisation_updated', 'deal_created', 'deal_updated', 'deal_stage_changed',
  'scheduled', 'inactivity_delay', 'manual', 'webhook'];
export const OPERATORS = ['==', '!=', '>', '<', '>=', '<=', 'contains', 'not_contains', 'in', 'not_in'];
export const ENTITY_TYPES = ['organisation', 'deal', 'person'];
export const FINISHED = new Set(['SUCCESS', 'FAILED', 'SKIPPED']);

/** The fields the seed's context carries (docs/crm.md "Variables"): suggestions for condition fields and {{variables}}. */
export const CONTEXT_FIELDS = ['trigger_entity_type', 'trigger_entity_id', 'organisation.id', 'organisation.nom', 'organisation.email',
  'organisation.type', 'organisation.pipeline_stage', 'organisation.montant_potentiel', 'deal.id', 'deal.title', 'deal.stage', 'deal.montant',
  'owner.id', 'owner.email', 'owner.name', 'manager.id', 'manager.email', 'manager.name', 'from_stage', 'to_stage', 'inactive_days', 'timestamp'];

/** Each action type's config fields: kind text | area | select | json | list (text or array) | id (number or text) | value (any JSON). */
export const ACTION_TYPES = {
  send_email: [
    { name: 'to', kind: 'list', required: true }, { name: 'subject', kind: 'text', required: true },
    { name: 'body', kind: 'area' }, { name: 'template', kind: 'text' }, { name: 'cc', kind: 'list' }, { name: 'bcc', kind: 'list' }],
  create_task: [
    { name: 'title', kind: 'text', required: true }, { name: 'description', kind: 'area' }, { name: 'assigned_to', kind: 'id' },
    { name: 'due_date', kind: 'text' }, { name: 'priority', kind: 'select', options: ['urgent', 'high', 'normal', 'low'] }],
  send_notification: [
    { name: 'user_id', kind: 'id', required: true }, { name: 'message', kind: 'area', required: true }, { name: 'title', kind: 'text' },
    { name: 'type', kind: 'select', options: ['info', 'success', 'warning', 'error'] }],
  update_field: [
    { name: 'entity_type', kind: 'select', options: ENTITY_TYPES, required: true }, { name: 'entity_id', kind: 'id' },
    { name: 'field', kind: 'text', required: true }, { name: 'value', kind: 'value', required: true }],
  assign_user: [
    { name: 'entity_type', kind: 'select', options: ENTITY_TYPES }, { name: 'entity_id', kind: 'id' }, { name: 'user_id', kind: 'id', required: true }],
  add_tag: [
    { name: 'entity_type', kind: 'select', options: ENTITY_TYPES }, { name: 'entity_id', kind: 'id' }, { name: 'tag', kind: 'text', required: true }],
  call_webhook: [
    { name: 'url', kind: 'text', required: true }, { name: 'method', kind: 'select', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
    { name: 'headers', kind: 'json' }, { name: 'body', kind: 'json' }],
  create_activity: [
    { name: 'type', kind: 'select', options: ['note', 'call', 'email', 'meeting', 'task', 'other'], required: true },
    { name: 'title', kind: 'text', required: true }, { name: 'description', kind: 'area' },
    { name: 'entity_type', kind: 'select', options: ENTITY_TYPES }, { name: 'entity_id', kind: 'id' }],
};

const WORKFLOW_BADGE = { ACTIVE: 'active', INACTIVE: 'inactive', DRAFT: 'draft' };
const EXECUTION_BADGE = { SUCCESS: 'succeeded', FAILED: 'failed', SKIPPED: 'Skipped', RUNNING: 'running', PENDING: 'pending' };

export function workflowBadge(status) {
  const s = String(status ?? '').toUpperCase();
  return badge(WORKFLOW_BADGE[s] ?? s, t(`crm.status.${s}`));
}

export function executionBadge(status) {
  const s = String(status ?? '').toUpperCase();
  return badge(EXECUTION_BADGE[s] ?? s, t(`crm.exec.${s}`));
}

export function triggerLabel(type) {
  return t(`crm.trigger.${type}`);
}

/** Tabs as the ARIA pattern: one tab stop, arrow keys / Home / End move between tabs, each tab controls its panel. */
export function crmTabs(items, active, onSelect, idPrefix = 'crm-tab') {
  const list = h('div.tabs', { role: 'tablist' });
  const buttons = items.map((item, i) => h('button.tab', {
    type: 'button', role: 'tab', id: `${idPrefix}-${item.id}`, 'aria-controls': `${idPrefix}-panel`,
    'aria-selected': String(item.id === active), tabindex: item.id === active ? '0' : '-1',
    on: {
      click: () => onSelect(item.id),
      keydown: e => {
        const moves = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: items.length - 1 };
        if (!(e.key in moves)) return;
        e.preventDefault();
        const next = (moves[e.key] + items.length) % items.length;
        onSelect(items[next].id);
        list.querySelector(`#${idPrefix}-${items[next].id}`)?.focus();
      },
    },
  }, item.label));
  list.append(...buttons);
  return list;
}

export function selectTab(list, id, idPrefix = 'crm-tab') {
  for (const b of list.querySelectorAll('[role="tab"]')) {
    const on = b.id === `${idPrefix}-${id}`;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
}

/** A labelled control with a hint and an (initially empty) slot where the API's message about it appears. */
export function crmField(label, control, { hint, required } = {}) {
  const id = control.id || `crm-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint ? h('small.hint', { id: `${id}-hint` }, hint) : null;
  const error = h('small.crm-field-error', { id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const wrap = h('div.field', h('label', { for: id }, label, required ? h('span.crm-required', { 'aria-hidden': 'true' }, ' *') : null), control, hintEl, error);
  wrap.crm = { control, error };
  return wrap;
}

/** Text typed in a "value" box: JSON when it parses (50000, true, ["A","B"], "text"), else the text itself. */
export function parseValue(text, { list = false } = {}) {
  const raw = String(text ?? '').trim();
  if (raw === '') return list ? [] : '';
  try {
    const value = JSON.parse(raw);
    if (!list || Array.isArray(value)) return value;
  } catch { /* plain text */ }
  return list ? raw.split(',').map(s => s.trim()).filter(Boolean).map(v => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)) : raw;
}

/** The reverse of parseValue: how a value shows in its box. */
export function showValue(value, { list = false } = {}) {
  if (value === undefined) return '';
  if (list && Array.isArray(value) && value.every(v => (typeof v === 'string' && !v.includes(',') && !/^-?\d+(\.\d+)?$/.test(v)) || typeof v === 'number')) {
    return value.join(', ');
  }
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return JSON.stringify(value);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value);
}

/** Offers a JSON document as a file to save (export), without navigating away. */
export function download(name, value) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url; // console-allow: an object URL this function made from a JSON document
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
