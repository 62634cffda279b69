// A workflow definition drawn as its steps and branches: a sequence reads top to bottom; an if, a switch, a
// forEach or a timeout path opens columns side by side. With an instance's timeline each step shows its status.
import { h } from './dom.js';
import { t } from './i18n.js';

/** steps: the definition's steps; statuses: optional Map stepId -> status (from an instance's timeline). */
export function workflowDiagram(definition, statuses = new Map()) {
  return h('figure.diagram', { 'aria-label': t('diagram.label', { id: definition.id }) },
    h('div.flow', h('div.node.terminal', t('diagram.start')), sequence(definition.steps ?? [], statuses), h('div.node.terminal', t('diagram.end'))));
}

function sequence(steps, statuses) {
  return h('ol.sequence', steps.map(step => h('li', node(step, statuses))));
}

function node(step, statuses) {
  const status = statuses.get(step.id);
  const box = h('div.node', { class: `type-${step.type} ${status ? `status-${status}` : ''}`, title: status ? `${step.id}: ${status}` : step.id },
    h('span.node-id', step.id),
    h('span.node-type', describe(step)),
    status ? h('span.node-status', t(`status.${status}`)) : null);
  const branches = branchesOf(step);
  if (!branches.length) return box;
  return h('div.branching', box, h('div.branches', branches.map(([label, steps]) => h('div.branch',
    h('span.branch-label', label),
    steps.length ? sequence(steps, statuses) : h('p.branch-empty', t('diagram.nothing'))))));
}

function describe(step) {
  switch (step.type) {
    case 'activity': return step.activity;
    case 'subWorkflow': return `sub-workflow ${step.workflow}`;
    case 'wait': return `wait ${step.duration ?? step.until}`;
    case 'waitForEvent': return `event ${step.event}${step.timeout ? ` · ${step.timeout}` : ''}`;
    case 'approval': return `approval: ${(step.approvers ?? []).map(a => a.name).join(', ')}`;
    case 'emit': return `emit ${step.channel}`;
    case 'if': return `if ${conditionText(step.condition)}`;
    case 'switch': return `switch ${step.value}`;
    case 'forEach': return `for each ${step.items}${step.mode === 'parallel' ? ' (parallel)' : ''}`;
    case 'terminate': return `terminate ${step.status ?? 'completed'}`;
    default: return step.type;
  }
}

function branchesOf(step) {
  switch (step.type) {
    case 'if': return [[t('diagram.then'), step.then ?? []], [t('diagram.else'), step.else ?? []]];
    case 'switch': return [
      ...(step.cases ?? []).map(c => [c.when !== undefined ? conditionText(c.when) : `= ${[c.equals].flat().join(' | ')}`, c.steps ?? []]),
      [t('diagram.default'), step.default ?? []],
    ];
    case 'forEach': return [[t('diagram.each', { as: step.as ?? 'item' }), step.steps ?? []]];
    case 'waitForEvent': return step.onTimeout ? [[t('diagram.onTimeout'), step.onTimeout]] : [];
    default: return [];
  }
}

/** A condition as one line of text: strings as they are, objects as compact JSON. */
export function conditionText(condition) {
  if (condition === undefined || condition === null) return '';
  const text = typeof condition === 'string' ? condition : JSON.stringify(condition);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
