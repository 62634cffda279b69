// The console's building blocks: page frame, tables, badges, JSON blocks, errors, tabs, filters, dialogs, polling.
import { h, replace } from './dom.js';
import { has, t } from './i18n.js';
import { json } from './format.js';

export function page(title, { actions = [], subtitle } = {}, ...content) {
  document.title = `${title} · ${t('app.title')}`;
  return h('section.page', h('header.page-head', h('div', h('h1', title), subtitle ? h('p.subtitle', subtitle) : null), h('div.actions', actions)), content);
}

export function section(title, ...content) {
  return h('section.block', h('h2', title), content);
}

/** columns: [{label, value: row => node|string, class}]; rows: array. */
export function table(columns, rows, { empty, caption, rowClass } = {}) {
  if (!rows.length) return h('p.empty', empty ?? t('ui.empty'));
  return h('div.table-wrap',
    h('table',
      caption ? h('caption', caption) : null,
      h('thead', h('tr', columns.map(c => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', rows.map(row => h('tr', { class: rowClass?.(row) }, columns.map(c => h('td', { class: c.class, 'data-label': c.label }, c.value(row))))))));
}

const STATUS_CLASS = {
  Completed: 'ok', completed: 'ok', succeeded: 'ok', Succeeded: 'ok', active: 'ok', approved: 'ok', resolved: 'ok', closed: 'muted',
  Failed: 'bad', failed: 'bad', rejected: 'bad', error: 'bad',
  Running: 'run', running: 'run', Pending: 'wait', pending: 'wait', Waiting: 'wait', waiting: 'wait', inactive: 'muted', draft: 'muted',
  Terminated: 'muted', terminated: 'muted', Skipped: 'muted', open: 'wait', in_progress: 'run',
};

export function badge(status, label) {
  return h('span.badge', { class: STATUS_CLASS[status] ?? 'muted' }, label ?? (has(`status.${status}`) ? t(`status.${status}`) : String(status ?? '—')));
}

export function jsonBlock(value, { label } = {}) {
  if (value === undefined || value === null) return h('p.empty', t('ui.none'));
  return h('pre.json', { tabindex: 0, 'aria-label': label }, json(value));
}

export function errorBox(error) {
  const problem = error?.problem ?? {};
  return h('div.error-box', { role: 'alert' },
    h('strong', problem.title || error?.message || String(error)),
    problem.detail && problem.detail !== problem.title ? h('p', problem.detail) : null,
    error?.fieldErrors?.length ? h('ul', error.fieldErrors.map(([field, message]) => h('li', h('code', field), ' ', message))) : null);
}

export function loading() {
  return h('p.loading', { role: 'status' }, t('ui.loading'));
}

/** Renders load() into a container, showing progress and then the result or the error; returns the container. */
export function async(load) {
  const box = h('div.async', loading());
  Promise.resolve().then(load).then(node => replace(box, node), error => replace(box, errorBox(error)));
  return box;
}

export function button(label, onClick, { kind = 'secondary', disabled, title, id } = {}) {
  return h('button', { type: 'button', class: `btn ${kind}`, disabled, title, id, on: { click: onClick } }, label);
}

export function link(label, to) {
  return h('a', { href: to }, label);
}

/** A button that runs an async action, shows it is busy, and reports the error beside itself. */
export function actionButton(label, action, options = {}) {
  const message = h('span.action-message', { role: 'status' });
  const btn = button(label, async () => {
    btn.disabled = true;
    replace(message);
    try {
      await action();
    } catch (error) {
      replace(message, errorBox(error));
    } finally {
      btn.disabled = false;
    }
  }, options);
  return h('span.action', btn, message);
}

/** Asks before a destructive action, in a modal <dialog> (Escape cancels). Resolves true when confirmed. */
export function confirmDialog(message, confirmLabel) {
  return new Promise(resolve => {
    const dialog = h('dialog.confirm', { 'aria-label': message },
      h('p', message),
      h('div.actions',
        button(t('ui.cancel'), () => dialog.close('cancel')),
        button(confirmLabel ?? t('ui.confirm'), () => dialog.close('ok'), { kind: 'danger' })));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function tabs(items, active, onSelect) {
  return h('div.tabs', { role: 'tablist' }, items.map(item => h('button', {
    type: 'button', role: 'tab', class: 'tab', 'aria-selected': String(item.id === active), id: `tab-${item.id}`,
    on: { click: () => onSelect(item.id) },
  }, item.label)));
}

/** A labelled field: select, input or textarea built by the caller. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div.field', h('label', { for: id }, label), control, hint ? h('small.hint', hint) : null);
}

export function select(name, options, value, onChange) {
  return h('select', { name, on: { change: e => onChange?.(e.target.value) } },
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, label)));
}

export function input(name, value, { type = 'text', placeholder, onChange, required } = {}) {
  return h('input', { name, type, value: value ?? '', placeholder, required, on: { change: e => onChange?.(e.target.value) } });
}

/** Calls tick() now and then every intervalMs while the page is shown; stops when tick returns false.
 * Returns kick(), which runs a tick at once and starts polling again if it had stopped (after an action). */
export function poll(ctx, tick, intervalMs = 1500) {
  let timer = null;
  let running = false;
  const run = async () => {
    clearTimeout(timer);
    if (ctx.signal.aborted || running) return;
    running = true;
    let again = true;
    try {
      again = (await tick()) !== false;
    } catch {
      again = true;
    } finally {
      running = false;
    }
    if (again && !ctx.signal.aborted) timer = setTimeout(run, intervalMs);
  };
  ctx.onLeave(() => clearTimeout(timer));
  run();
  return run;
}

/** Pages through a continuation-token listing: keeps the tokens of pages already seen for "previous". */
export function pager({ hasNext, onNext, onPrevious, onFirst, pageNumber }) {
  return h('nav.pager', { 'aria-label': t('ui.pages') },
    button(t('ui.first'), onFirst, { disabled: pageNumber <= 1 }),
    button(t('ui.previous'), onPrevious, { disabled: pageNumber <= 1 }),
    h('span.page-number', t('ui.page', { n: pageNumber })),
    button(t('ui.next'), onNext, { disabled: !hasNext }));
}

export function toast(message) {
  const note = h('div.toast', { role: 'status' }, message);
  document.body.append(note);
  setTimeout(() => note.remove(), 4000);
}

export function definitionList(pairs) {
  return h('dl.facts', pairs.filter(Boolean).map(([term, value]) => [h('dt', term), h('dd', value ?? '—')]));
}
