// "/crm/workflows/new" and "/crm/workflows/:id/edit" — the workflow in five steps (basics, trigger, conditions,
// actions, review), the JSON that Save sends always in view, and the API's 400 answer shown beside each field it
// names ($.actions[0].config.subject) and listed above the steps.
import { h, replace } from '../../core/dom.js';
import { has, t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, navigate } from '../../core/router.js';
import { async, button, errorBox, jsonBlock, page, section, toast } from '../../core/ui.js';
import { json } from '../../core/format.js';
import {
  ACTION_TYPES, BASE, CONTEXT_FIELDS, ENTITY_TYPES, OPERATORS, TRIGGER_TYPES, WORKFLOW_STATUSES, crmField, parseValue, path, showValue, triggerLabel,
} from './model.js';
import { actionLabel, actionsView, conditionsView, fieldLabel, operatorLabel, triggerView } from './render.js';

const STEPS = ['basics', 'trigger', 'conditions', 'actions', 'review'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function editorPage(ctx) {
  const id = ctx.params.id;
  return async(async () => {
    const workflow = id ? await api.get(path(id), undefined, { signal: ctx.signal }) : null;
    return editor(id, workflow ? fromWorkflow(workflow) : blank(), workflow, ctx.query.step);
  });
}

function blank() {
  return {
    name: '', description: '', status: 'DRAFT', is_template: false, trigger_type: 'manual', trigger_config: {},
    conditions: { operator: 'AND', rules: [] },
    actions: [{ type: 'send_notification', config: { user_id: '{{owner.id}}', message: '', type: 'info' } }],
  };
}

function fromWorkflow(w) {
  const conditions = w.conditions && Array.isArray(w.conditions.rules) ? structuredClone(w.conditions) : { operator: 'AND', rules: [] };
  conditions.operator = String(conditions.operator ?? 'AND').toUpperCase();
  return {
    name: w.name ?? '', description: w.description ?? '', status: String(w.status ?? 'DRAFT').toUpperCase(), is_template: Boolean(w.is_template),
    trigger_type: w.trigger_type ?? 'manual', trigger_config: structuredClone(w.trigger_config ?? {}),
    conditions, actions: structuredClone(w.actions ?? []).map(a => ({ type: a.type, config: a.config ?? {} })),
  };
}

/** Exactly what Save sends: the seed's document. No description, no trigger settings or no conditions: null, which also
 * clears them on a PUT (an empty description string passes the validator but the compiler refuses it). */
export function bodyOf(spec) {
  return {
    name: spec.name,
    description: spec.description.trim() === '' ? null : spec.description,
    trigger_type: spec.trigger_type,
    trigger_config: Object.keys(spec.trigger_config).length ? spec.trigger_config : null,
    conditions: spec.conditions.rules.length ? spec.conditions : null,
    actions: spec.actions,
    status: spec.status,
    is_template: spec.is_template,
  };
}

function stepOf(p) {
  if (/^\$\.(trigger_type|trigger_config)/.test(p)) return 'trigger';
  if (p.startsWith('$.conditions')) return 'conditions';
  if (p.startsWith('$.actions')) return 'actions';
  return 'basics';
}

function editor(id, spec, workflow, firstStep) {
  let current = STEPS.includes(firstStep) ? firstStep : 'basics';
  let lastErrors = [];
  const registry = new Map(); // JSON path -> { error, control, step }
  const panels = Object.fromEntries(STEPS.map(s => [s, h('section.block.crm-step', { id: `crm-step-${s}`, 'aria-labelledby': `crm-step-title-${s}` })]));
  const preview = h('div.crm-preview-body');
  const problems = h('div.crm-problems', { tabindex: '-1' });
  const stepButtons = new Map();
  const stepNav = h('ol.crm-stepper', STEPS.map((s, i) => {
    const b = h('button', { type: 'button', class: 'crm-stepper-button', 'aria-controls': `crm-step-${s}`, on: { click: () => show(s) } },
      h('span.crm-stepper-n', String(i + 1)), ' ', t(`crm.step.${s}`), h('span.crm-stepper-errors'));
    stepButtons.set(s, b);
    return h('li', b);
  }));
  const prev = button(t('crm.editor.previous'), () => show(STEPS[Math.max(0, STEPS.indexOf(current) - 1)]));
  const next = button(t('crm.editor.next'), () => show(STEPS[Math.min(STEPS.length - 1, STEPS.indexOf(current) + 1)]), { kind: 'primary' });
  const saveButton = button(id ? t('crm.editor.saveChanges') : t('crm.editor.create'), () => save(), { kind: 'primary', id: 'crm-save' });
  const saveStatus = h('span.action-message', { role: 'status' });

  function show(step, focus = true) {
    current = step;
    for (const s of STEPS) {
      panels[s].hidden = s !== step;
      const b = stepButtons.get(s);
      if (s === step) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
    prev.disabled = step === STEPS[0];
    next.hidden = step === STEPS[STEPS.length - 1];
    const here = location.hash.replace(/^#/, '').split('?')[0];
    history.replaceState(null, '', href(here, step === 'basics' ? {} : { step }));
    if (focus) panels[step].querySelector('h2')?.focus();
  }

  function changed() {
    replace(preview, jsonBlock(bodyOf(spec), { label: t('crm.editor.preview') }));
    if (current !== 'review') renderReview();
  }

  function register(p, wrapOrBox, control, step) {
    registry.set(p, { error: wrapOrBox.crm?.error ?? wrapOrBox.querySelector(':scope > .crm-field-error'), control: control ?? wrapOrBox.crm?.control, step });
  }

  function rerender(step, focusKey) {
    for (const [p, entry] of registry) if (entry.step === step) registry.delete(p);
    ({ basics: renderBasics, trigger: renderTrigger, conditions: renderConditions, actions: renderActions, review: renderReview })[step]();
    showErrors(lastErrors.filter(([p]) => stepOf(p) === step), false);
    changed();
    if (focusKey) panels[step].querySelector(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
  }

  // ---- step 1: basics
  function renderBasics() {
    const name = h('input', { name: 'name', value: spec.name, required: true, 'data-focus': '$.name', on: { input: e => { spec.name = e.target.value; changed(); } } });
    const description = h('textarea', { name: 'description', rows: 3, on: { input: e => { spec.description = e.target.value; changed(); } } }, spec.description);
    const status = h('select', { name: 'status', on: { change: e => { spec.status = e.target.value; changed(); } } },
      WORKFLOW_STATUSES.map(s => h('option', { value: s, selected: s === spec.status }, t(`crm.status.${s}`))));
    const template = h('input', { type: 'checkbox', name: 'is_template', checked: spec.is_template, on: { change: e => { spec.is_template = e.target.checked; changed(); } } });
    const fields = [
      ['$.name', crmField(t('crm.f.name'), name, { required: true })],
      ['$.description', crmField(t('crm.f.description'), description)],
      ['$.status', crmField(t('crm.f.status'), status, { hint: t('crm.editor.statusHint') })],
    ];
    const templateBox = h('div.field', h('label.check', template, ' ', t('crm.f.is_template')), h('small.crm-field-error', { role: 'alert' }));
    replace(panels.basics, stepTitle('basics'), fields.map(([, w]) => w), templateBox);
    for (const [p, w] of fields) register(p, w, null, 'basics');
    register('$.is_template', templateBox, template, 'basics');
    register('$', panels.basics, name, 'basics');
  }

  // ---- step 2: trigger
  function renderTrigger() {
    const type = h('select', { name: 'trigger_type', 'data-focus': '$.trigger_type', on: { change: e => { spec.trigger_type = e.target.value; spec.trigger_config = {}; rerender('trigger', '$.trigger_type'); } } },
      TRIGGER_TYPES.map(tt => h('option', { value: tt, selected: tt === spec.trigger_type }, triggerLabel(tt))));
    const typeField = crmField(t('crm.f.trigger_type'), type, { hint: t(`crm.triggerHint.${spec.trigger_type}`), required: true });
    const config = spec.trigger_config;
    const set = (key, value) => {
      if (value === '' || value === undefined || value === null || Number.isNaN(value)) delete config[key];
      else config[key] = value;
      changed();
    };
    const text = (key, opts = {}) => h('input', { name: key, type: opts.type ?? 'text', value: config[key] ?? '', placeholder: opts.placeholder, min: opts.min, max: opts.max,
      on: { input: e => set(key, opts.number ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value) } });
    const choice = (key, options, { defaultLabel, rerenderOnChange } = {}) => h('select', { name: key, 'data-focus': `$.trigger_config.${key}`, on: { change: e => { set(key, e.target.value); if (rerenderOnChange) rerender('trigger', `$.trigger_config.${key}`); } } },
      defaultLabel ? h('option', { value: '' }, defaultLabel) : null,
      options.map(([v, label]) => h('option', { value: v, selected: String(config[key] ?? '') === String(v) }, label)));
    const fields = [];
    const add = (key, control, hint) => fields.push([`$.trigger_config.${key}`, crmField(fieldLabel(key), control, { hint })]);
    switch (spec.trigger_type) {
      case 'deal_stage_changed':
        add('from_stage', text('from_stage', { placeholder: 'PROPOSITION' }), t('crm.hint.anyStage'));
        add('to_stage', text('to_stage', { placeholder: 'SIGNÉ' }), t('crm.hint.anyStage'));
        break;
      case 'scheduled': {
        const useCron = 'cron' in config;
        const mode = h('select', { name: 'schedule_mode', 'data-focus': 'schedule_mode', on: { change: e => {
          for (const k of ['cron', 'frequency', 'time', 'day_of_week', 'day_of_month']) delete config[k];
          if (e.target.value === 'cron') config.cron = '0 9 * * 1-5';
          else config.frequency = 'daily';
          rerender('trigger', 'schedule_mode');
        } } }, h('option', { value: 'frequency', selected: !useCron }, t('crm.schedule.frequency')), h('option', { value: 'cron', selected: useCron }, t('crm.schedule.cron')));
        fields.push(['schedule_mode', crmField(t('crm.schedule.mode'), mode)]);
        if (useCron) {
          add('cron', text('cron', { placeholder: '0 9 * * 1-5' }), t('crm.hint.cron'));
        } else {
          if (!config.frequency) config.frequency = 'daily';
          add('frequency', choice('frequency', ['daily', 'weekly', 'monthly'].map(f => [f, t(`crm.freq.${f}`)]), { rerenderOnChange: true }));
          add('time', text('time', { type: 'time', placeholder: '09:00' }), t('crm.hint.time'));
          if (config.frequency === 'weekly') add('day_of_week', choice('day_of_week', WEEKDAYS.map(d => [d, t(`crm.day.${d}`)]), { defaultLabel: t('crm.day.default') }));
          if (config.frequency === 'monthly') add('day_of_month', text('day_of_month', { type: 'number', number: true, min: 1, max: 28, placeholder: '1' }), t('crm.hint.dayOfMonth'));
        }
        add('timezone', text('timezone', { placeholder: 'Europe/Paris' }), t('crm.hint.timezone'));
        break;
      }
      case 'inactivity_delay':
        add('inactivity_days', text('inactivity_days', { type: 'number', number: true, min: 1, placeholder: '30' }), t('crm.hint.inactivityDays'));
        add('entity_type', choice('entity_type', ['organisation', 'deal'].map(e => [e, t(`crm.entity.${e}`)]), { defaultLabel: t('crm.hint.defaultOrganisation') }));
        break;
      case 'webhook':
        add('auth', choice('auth', ['apiKey', 'hmac', 'none'].map(a => [a, t(`crm.auth.${a}`)]), { defaultLabel: t('crm.auth.default') }), t('crm.hint.webhook', { id: id ?? '…' }));
        break;
      default:
        break;
    }
    const configBox = h('div.crm-config', fields.length ? fields.map(([, w]) => w) : h('p.empty', t('crm.editor.noTriggerConfig')), h('small.crm-field-error', { role: 'alert' }));
    replace(panels.trigger, stepTitle('trigger'), typeField, h('h3', t('crm.f.trigger_config')), configBox);
    register('$.trigger_type', typeField, null, 'trigger');
    register('$.trigger_config', configBox, type, 'trigger');
    for (const [p, w] of fields) register(p, w, null, 'trigger');
  }

  // ---- step 3: conditions (nested AND / OR groups)
  function renderConditions() {
    const list = h('datalist', { id: 'crm-context-fields' }, CONTEXT_FIELDS.map(f => h('option', { value: f })));
    replace(panels.conditions, stepTitle('conditions'), h('p.hint', t('crm.cond.intro')), list,
      groupEditor(spec.conditions, '$.conditions', null, 0));
  }

  function groupEditor(group, p, parent, depth) {
    const op = String(group.operator ?? 'AND').toUpperCase();
    const opSelect = h('select', { name: 'operator', 'data-focus': `${p}.operator`, on: { change: e => { group.operator = e.target.value; rerender('conditions', `${p}.operator`); } } },
      h('option', { value: 'AND', selected: op === 'AND' }, t('crm.cond.and')), h('option', { value: 'OR', selected: op === 'OR' }, t('crm.cond.or')));
    const opField = crmField(t('crm.cond.combine'), opSelect);
    const rulesError = h('small.crm-field-error', { role: 'alert' });
    const box = h('fieldset.crm-group', { class: depth % 2 ? 'crm-group-odd' : '' },
      h('legend', parent ? t('crm.cond.group', { n: depth }) : t('crm.cond.root')),
      h('div.crm-group-head', opField,
        parent ? button(t('crm.cond.removeGroup'), () => { parent.rules.splice(parent.rules.indexOf(group), 1); rerender('conditions', `${parentPath(p)}.addGroup`); }, { kind: 'danger' }) : null),
      group.rules.length
        ? h('ol.crm-rules', group.rules.map((rule, i) => h('li', { 'data-op': i > 0 ? (op === 'OR' ? t('crm.cond.orWord') : t('crm.cond.andWord')) : null },
          rule && Array.isArray(rule.rules) ? groupEditor(rule, `${p}.rules[${i}]`, group, depth + 1) : ruleEditor(rule, `${p}.rules[${i}]`, group))))
        : h('p.empty', parent ? t('crm.cond.emptyGroup') : t('crm.cond.noneYet')),
      rulesError,
      h('div.crm-group-buttons',
        h('button.btn', { type: 'button', 'data-focus': `${p}.addRule`, on: { click: () => { group.rules.push({ field: '', operator: '==', value: '' }); rerender('conditions', `${p}.rules[${group.rules.length - 1}].field`); } } }, t('crm.cond.addRule')),
        h('button.btn', { type: 'button', 'data-focus': `${p}.addGroup`, on: { click: () => { group.rules.push({ operator: op === 'AND' ? 'OR' : 'AND', rules: [{ field: '', operator: '==', value: '' }] }); rerender('conditions', `${p}.rules[${group.rules.length - 1}].operator`); } } }, t('crm.cond.addGroup'))));
    registry.set(p, { error: rulesError, control: opSelect, step: 'conditions' });
    registry.set(`${p}.rules`, { error: rulesError, control: opSelect, step: 'conditions' });
    register(`${p}.operator`, opField, null, 'conditions');
    return box;
  }

  function ruleEditor(rule, p, group) {
    const list = rule.operator === 'in' || rule.operator === 'not_in';
    const fieldInput = h('input', { name: 'field', value: rule.field ?? '', list: 'crm-context-fields', placeholder: 'organisation.pipeline_stage', autocomplete: 'off', 'data-focus': `${p}.field`,
      on: { input: e => { rule.field = e.target.value.trim(); changed(); } } });
    const opSelect = h('select', { name: 'operator', 'data-focus': `${p}.operator`, on: { change: e => {
      rule.operator = e.target.value;
      const nowList = rule.operator === 'in' || rule.operator === 'not_in';
      if (nowList && !Array.isArray(rule.value)) rule.value = parseValue(showValue(rule.value), { list: true });
      if (!nowList && Array.isArray(rule.value) && rule.value.length <= 1) rule.value = rule.value[0] ?? '';
      rerender('conditions', `${p}.operator`);
    } } }, OPERATORS.map(o => h('option', { value: o, selected: o === rule.operator }, `${o} — ${operatorLabel(o)}`)));
    const valueInput = h('input', { name: 'value', value: showValue(rule.value, { list }), 'data-focus': `${p}.value`, autocomplete: 'off',
      on: { input: e => { rule.value = parseValue(e.target.value, { list }); changed(); } } });
    const wraps = [
      [`${p}.field`, crmField(t('crm.cond.field'), fieldInput)],
      [`${p}.operator`, crmField(t('crm.cond.operator'), opSelect)],
      [`${p}.value`, crmField(t('crm.cond.value'), valueInput, { hint: t(list ? 'crm.cond.hintList' : /[<>]/.test(rule.operator ?? '') ? 'crm.cond.hintNumber' : 'crm.cond.hintValue') })],
    ];
    const ruleError = h('small.crm-field-error', { role: 'alert' });
    const box = h('div.crm-rule', wraps.map(([, w]) => w),
      h('button.btn.crm-remove', { type: 'button', title: t('crm.cond.removeRule'), 'aria-label': t('crm.cond.removeRuleNamed', { field: rule.field || '…' }),
        on: { click: () => { group.rules.splice(group.rules.indexOf(rule), 1); rerender('conditions', `${parentPath(p)}.addRule`); } } }, t('crm.cond.remove')),
      ruleError);
    for (const [rp, w] of wraps) register(rp, w, null, 'conditions');
    registry.set(p, { error: ruleError, control: fieldInput, step: 'conditions' });
    return box;
  }

  // ---- step 4: actions (ordered)
  function renderActions() {
    const typeToAdd = h('select', { name: 'new_action_type', 'aria-label': t('crm.actions.typeToAdd') },
      Object.keys(ACTION_TYPES).map(tp => h('option', { value: tp }, actionLabel(tp))));
    const listError = h('small.crm-field-error', { role: 'alert' });
    replace(panels.actions, stepTitle('actions'),
      h('p.hint', t('crm.actions.intro')),
      h('details.crm-variables', h('summary', t('crm.actions.variables')), h('ul.crm-chips', CONTEXT_FIELDS.map(f => h('li', h('code', `{{${f}}}`))))),
      spec.actions.length ? h('ol.crm-actions', spec.actions.map((a, i) => h('li', actionEditor(a, i)))) : h('p.empty', t('crm.actions.none')),
      listError,
      h('div.crm-add-action', typeToAdd,
        h('button.btn.primary', { type: 'button', 'data-focus': 'addAction', on: { click: () => {
          spec.actions.push({ type: typeToAdd.value, config: {} });
          rerender('actions', `$.actions[${spec.actions.length - 1}].type`);
        } } }, t('crm.actions.add'))));
    registry.set('$.actions', { error: listError, control: typeToAdd, step: 'actions' });
  }

  function actionEditor(action, i) {
    const p = `$.actions[${i}]`;
    const move = (to, key) => {
      const [a] = spec.actions.splice(i, 1);
      spec.actions.splice(to, 0, a);
      // keep the focus on the moved action: on the same button unless it is now disabled (first or last place)
      const still = key === 'down' ? to < spec.actions.length - 1 : to > 0;
      rerender('actions', `$.actions[${to}].${still ? key : key === 'down' ? 'up' : 'down'}`);
    };
    const typeSelect = h('select', { name: 'type', 'data-focus': `${p}.type`, on: { change: e => {
      const known = new Set(ACTION_TYPES[e.target.value]?.map(f => f.name));
      action.type = e.target.value;
      action.config = Object.fromEntries(Object.entries(action.config ?? {}).filter(([k]) => known.has(k)));
      rerender('actions', `${p}.type`);
    } } }, Object.keys(ACTION_TYPES).map(tp => h('option', { value: tp, selected: tp === action.type }, actionLabel(tp))));
    const typeField = crmField(t('crm.actions.type'), typeSelect);
    const configError = h('small.crm-field-error', { role: 'alert' });
    const config = action.config ?? (action.config = {});
    const fields = (ACTION_TYPES[action.type] ?? []).map(f => [`${p}.config.${f.name}`, configField(config, f, `${p}.config.${f.name}`)]);
    const n = i + 1;
    const box = h('article.crm-action', { 'aria-labelledby': `crm-action-title-${i}` },
      h('div.crm-action-head',
        h('h3', { id: `crm-action-title-${i}` }, t('crm.actions.title', { n, type: actionLabel(action.type) })),
        h('div.actions',
          h('button.btn', { type: 'button', disabled: i === 0, 'data-focus': `${p}.up`, 'aria-label': t('crm.actions.upNamed', { n }), on: { click: () => move(i - 1, 'up') } }, t('crm.actions.up')),
          h('button.btn', { type: 'button', disabled: i === spec.actions.length - 1, 'data-focus': `${p}.down`, 'aria-label': t('crm.actions.downNamed', { n }), on: { click: () => move(i + 1, 'down') } }, t('crm.actions.down')),
          h('button.btn.danger', { type: 'button', 'aria-label': t('crm.actions.removeNamed', { n }), on: { click: () => { spec.actions.splice(i, 1); rerender('actions', 'addAction'); } } }, t('crm.actions.remove')))),
      typeField,
      h('div.crm-action-fields', fields.map(([, w]) => w)),
      configError);
    registry.set(p, { error: configError, control: typeSelect, step: 'actions' });
    registry.set(`${p}.config`, { error: configError, control: typeSelect, step: 'actions' });
    register(`${p}.type`, typeField, null, 'actions');
    for (const [fp, w] of fields) register(fp, w, null, 'actions');
    return box;
  }

  function configField(config, f, p) {
    const set = value => {
      if (value === undefined || (value === '' && f.kind !== 'value')) delete config[f.name];
      else config[f.name] = value;
      changed();
    };
    let control;
    let hint = has(`crm.hint.${f.name}`) ? t(`crm.hint.${f.name}`) : null;
    switch (f.kind) {
      case 'select':
        control = h('select', { name: f.name, on: { change: e => set(e.target.value) } },
          f.required ? null : h('option', { value: '' }, t('crm.actions.default')),
          f.options.map(o => h('option', { value: o, selected: String(config[f.name] ?? '') === o }, ENTITY_TYPES.includes(o) ? t(`crm.entity.${o}`) : o)));
        if (f.required && !(f.name in config)) config[f.name] = f.options[0];
        break;
      case 'area':
        control = h('textarea', { name: f.name, rows: 3, on: { input: e => set(e.target.value) } }, typeof config[f.name] === 'string' ? config[f.name] : showValue(config[f.name]));
        break;
      case 'list':
        control = h('input', { name: f.name, value: Array.isArray(config[f.name]) ? config[f.name].join(', ') : config[f.name] ?? '', autocomplete: 'off',
          on: { input: e => { const v = e.target.value.trim(); set(v.includes(',') ? v.split(',').map(s => s.trim()).filter(Boolean) : v); } } });
        hint = t('crm.hint.list');
        break;
      case 'id':
        control = h('input', { name: f.name, value: config[f.name] ?? '', autocomplete: 'off', placeholder: '{{owner.id}}',
          on: { input: e => { const v = e.target.value.trim(); set(/^\d+$/.test(v) ? Number(v) : v); } } });
        hint = hint ?? t('crm.hint.id');
        break;
      case 'value':
        control = h('input', { name: f.name, value: f.name in config ? showValue(config[f.name]) : '', autocomplete: 'off',
          on: { input: e => set(e.target.value.trim() === '' ? null : parseValue(e.target.value)) } });
        if (!(f.name in config)) config[f.name] = null;
        hint = t('crm.hint.value');
        break;
      case 'json': {
        control = h('textarea', { name: f.name, rows: 3, spellcheck: 'false', on: { input: e => {
          const text = e.target.value.trim();
          if (text === '') { setLocal(''); set(undefined); return; }
          try {
            const value = JSON.parse(text);
            setLocal('');
            set(value);
          } catch (error) {
            setLocal(t('crm.hint.badJson', { message: error.message }));
          }
        } } }, f.name in config ? json(config[f.name]) : '');
        hint = t(f.name === 'headers' ? 'crm.hint.headers' : 'crm.hint.jsonBody');
        break;
      }
      default:
        control = h('input', { name: f.name, value: config[f.name] ?? '', autocomplete: 'off', type: f.name === 'url' ? 'url' : 'text',
          placeholder: f.name === 'url' ? 'https://' : null, on: { input: e => set(e.target.value) } });
    }
    const wrap = crmField(fieldLabel(f.name), control, { hint, required: f.required });
    const setLocal = message => { replace(wrap.crm.error, message); control.setAttribute('aria-invalid', String(Boolean(message))); };
    return wrap;
  }

  // ---- step 5: review
  function renderReview() {
    replace(panels.review, stepTitle('review'),
      h('dl.facts', h('dt', t('crm.f.name')), h('dd', spec.name || '—'), h('dt', t('crm.f.status')), h('dd', t(`crm.status.${spec.status}`))),
      h('h3', t('crm.step.trigger')), triggerView(spec.trigger_type, spec.trigger_config),
      h('h3', t('crm.step.conditions')), conditionsView(spec.conditions),
      h('h3', t('crm.step.actions')), actionsView(spec.actions),
      h('p.hint', t('crm.editor.reviewHint')));
  }

  function stepTitle(step) {
    return h('h2', { id: `crm-step-title-${step}`, tabindex: '-1' }, t('crm.editor.stepTitle', { n: STEPS.indexOf(step) + 1, total: STEPS.length, name: t(`crm.step.${step}`) }));
  }

  // ---- errors and save
  function clearErrors() {
    for (const entry of registry.values()) {
      entry.error?.replaceChildren();
      entry.control?.removeAttribute('aria-invalid');
    }
    for (const b of stepButtons.values()) b.querySelector('.crm-stepper-errors').replaceChildren();
    stepButtons.forEach(b => b.classList.remove('has-errors'));
  }

  function entryFor(p) {
    let at = p;
    while (at) {
      if (registry.has(at)) return registry.get(at);
      const cut = at.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (cut === at) break;
      at = cut;
    }
    return registry.get('$');
  }

  function showErrors(errors, clear = true) {
    if (clear) clearErrors();
    const perStep = new Map();
    for (const [p, message] of errors) {
      const entry = entryFor(p);
      if (entry?.error) entry.error.append(h('span', message));
      entry?.control?.setAttribute('aria-invalid', 'true');
      const step = stepOf(p);
      perStep.set(step, (perStep.get(step) ?? 0) + 1);
    }
    for (const [step, n] of perStep) {
      const b = stepButtons.get(step);
      b.classList.add('has-errors');
      replace(b.querySelector('.crm-stepper-errors'), ' ', h('span.badge.bad', t('crm.editor.errorCount', { n })));
    }
    return perStep;
  }

  async function save() {
    saveButton.disabled = true;
    replace(saveStatus, t('crm.editor.saving'));
    try {
      const body = bodyOf(spec);
      const saved = id ? await api.put(path(id), body) : await api.post(BASE, body);
      lastErrors = [];
      clearErrors();
      replace(problems);
      toast(id ? t('crm.editor.saved', { name: saved.name }) : t('crm.editor.created', { name: saved.name }));
      navigate(`/crm/workflows/${saved.id}`);
    } catch (error) {
      replace(saveStatus);
      lastErrors = error.fieldErrors ?? [];
      const perStep = showErrors(lastErrors);
      replace(problems, h('p.crm-problems-lead', t('crm.editor.refused')), errorBox(error));
      const first = STEPS.find(s => perStep.has(s));
      if (first) {
        show(first, false);
        const control = [...registry.values()].find(e => e.step === first && e.control?.getAttribute('aria-invalid') === 'true')?.control;
        problems.focus();
        if (control) setTimeout(() => control.focus(), 0);
      } else {
        problems.focus();
      }
    } finally {
      saveButton.disabled = false;
      if (saveStatus.textContent === t('crm.editor.saving')) replace(saveStatus);
    }
  }

  renderBasics();
  renderTrigger();
  renderConditions();
  renderActions();
  renderReview();
  changed();
  show(current, false);

  const title = id ? t('crm.editor.editTitle', { name: workflow?.name ?? id }) : t('crm.editor.newTitle');
  return page(title, {
    subtitle: id ? t('crm.editor.editSubtitle', { version: workflow?.version ?? '?', next: (workflow?.version ?? 0) + 1 }) : t('crm.editor.newSubtitle'),
    actions: [
      id ? h('a.btn', { href: href(`/crm/workflows/${id}`) }, t('crm.editor.cancel')) : h('a.btn', { href: href('/crm/templates') }, t('crm.list.fromTemplate')),
      h('a.btn', { href: href('/crm/workflows') }, t('crm.editor.backToList')),
    ],
  },
  h('nav.crm-stepper-nav', { 'aria-label': t('crm.editor.steps') }, stepNav),
  problems,
  h('form.crm-editor', { novalidate: true, on: { submit: e => { e.preventDefault(); save(); } } },
    h('div.crm-editor-main', STEPS.map(s => panels[s]),
      h('div.crm-editor-buttons', prev, next, h('span.crm-spacer'), saveButton, saveStatus)),
    h('aside.crm-preview', { 'aria-label': t('crm.editor.preview') }, section(t('crm.editor.preview'), h('p.hint', t('crm.editor.previewHint', { method: id ? 'PUT' : 'POST', url: id ? path(id) : BASE })), preview))));
}

function parentPath(p) {
  return p.replace(/\.rules\[\d+\]$/, '');
}
