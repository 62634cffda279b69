// "/mail/tickets/:id" — one ticket: its columns, its thread (every message as plain text, never as HTML), its
// classification, its history, the run that opened it, and a form to change its status, handler and notes
// (PATCH /api/mail/tickets/{id}; a 400 shows the fields the API refused).
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, render } from '../../core/router.js';
import { async, definitionList, errorBox, field, page, section, select, table, toast } from '../../core/ui.js';
import { dateTime, number } from '../../core/format.js';
import { mailNav, mailPage, priorityBadge, STATUSES, statusBadge, statusLabel } from './shared.js';

const MAX_TEXT = 5000;
const BY_KEY = 'console.mail.by';

export function ticketPage(ctx) {
  const id = ctx.params.id;
  return async(async () => {
    const ticket = await api.get(`/api/mail/tickets/${encodeURIComponent(id)}`, undefined, { signal: ctx.signal });
    const entries = ticket.entries ?? [];
    const history = ticket.history ?? [];
    const firstText = entries[0]?.text?.trim() ?? '';
    return mailPage(page(ticket.subject || t('mail.noSubject'), { subtitle: `${ticket.id} · ${ticket.senderName || ticket.email}` },
      mailNav(null),
      h('p', h('a', { href: href('/mail/tickets') }, t('mail.ticket.back'))),
      h('div.status-line', statusBadge(ticket.status), priorityBadge(ticket.priority), h('span.tag', ticket.category)),
      definitionList([
        [t('mail.ticket'), h('code', ticket.id)],
        [t('mail.date'), dateTime(ticket.date)],
        [t('mail.senderName'), ticket.senderName || '—'],
        [t('mail.email'), h('span.mono', ticket.email || '—')],
        [t('mail.status'), statusLabel(ticket.status)],
        [t('mail.handledBy'), ticket.handledBy || '—'],
        [t('mail.ticket.opened'), dateTime(openedAt(ticket))],
        [t('mail.ticket.run'), async(() => runLink(ticket, ctx))],
      ]),
      section(t('mail.ticket.change'), changeForm(ticket)),
      section(t(entries.length === 1 ? 'mail.ticket.thread1' : 'mail.ticket.thread', { n: entries.length }), thread(entries)),
      ticket.description && ticket.description.trim() !== firstText
        ? section(t('mail.ticket.description'), h('pre.mail-body', { tabindex: 0 }, ticket.description)) : null,
      section(t('mail.ticket.classification'), classification(ticket)),
      section(t('mail.ticket.history'), historyTable(history))));
  });
}

/** When the agent opened the ticket: the first history entry (status set to Nouveau by the agent). */
function openedAt(ticket) {
  return (ticket.history ?? []).find(c => c.field === 'status' && c.from == null)?.at ?? null;
}

/** The ticket does not name its run (no instance id in the ticket model); the email-ticket run that opened it says
 * the ticket id in its output. Among the email-ticket runs started in the ten minutes before the ticket was opened,
 * the one whose output names this ticket is linked; otherwise the list of those runs. */
async function runLink(ticket, ctx) {
  if (ticket.instanceId) return h('a', { href: href(`/instances/${encodeURIComponent(ticket.instanceId)}`) }, h('code', ticket.instanceId));
  const at = openedAt(ticket);
  if (!at) return '—';
  const opened = new Date(at);
  const from = new Date(opened.getTime() - 10 * 60_000);
  const to = new Date(opened.getTime() + 60_000);
  const around = href('/instances', { workflowId: 'email-ticket', createdFrom: localMinute(from), createdTo: localMinute(to, true) });
  const list = await api.get('/api/instances', { workflowId: 'email-ticket', createdFrom: from.toISOString(), createdTo: to.toISOString(), limit: 10 }, { signal: ctx.signal })
    .catch(() => ({ items: [] }));
  const views = await Promise.all((list.items ?? []).filter(i => !i.dryRun).map(i => api.get(`/api/instances/${encodeURIComponent(i.instanceId)}`, undefined, { signal: ctx.signal }).catch(() => null)));
  // The run that opened it says created: true; the runs that added replies name the ticket too.
  const run = views.find(v => v?.output?.ticketId === ticket.id && v.output.created === true)
    ?? views.find(v => v?.output?.ticketId === ticket.id);
  return run
    ? h('a', { href: href(`/instances/${encodeURIComponent(run.instanceId)}`) }, h('code', run.instanceId))
    : h('a', { href: around }, t('mail.ticket.runsAround'));
}

/** A date as the value of a datetime-local field (the runs page's filters), in this browser's time zone. */
function localMinute(date, roundUp) {
  const d = new Date(date.getTime() + (roundUp ? 59_999 : 0));
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function thread(entries) {
  if (!entries.length) return h('p.empty', t('mail.ticket.noMessages'));
  return h('ol.thread', entries.map((entry, i) => h('li', h('article.mail-message', { 'aria-label': t('mail.ticket.message', { n: i + 1 }) },
    h('h3', entry.subject || t('mail.noSubject')),
    definitionList([
      [t('mail.from'), h('span.mono', entry.from || '—')],
      [t('mail.to'), t('mail.ticket.toUnknown')],
      [t('mail.date'), dateTime(entry.date)],
      [t('mail.messageId'), h('code', entry.messageId)],
    ]),
    // The text the agent extracted (HTML parts already turned into text by the parser); shown as text, never parsed.
    h('pre.mail-body', { tabindex: 0, 'aria-label': t('mail.ticket.body') }, entry.text || t('mail.ticket.emptyBody'))))));
}

function classification(ticket) {
  return h('div',
    definitionList([
      [t('mail.category'), ticket.category],
      [t('mail.priority'), priorityBadge(ticket.priority)],
      [t('mail.ticket.notes'), ticket.notes ? h('pre.mail-notes', ticket.notes) : t('ui.none')],
    ]),
    h('p.hint', t('mail.ticket.notificationsHint')));
}

const FIELD_LABEL = { status: 'mail.status', handledBy: 'mail.handledBy', notes: 'mail.ticket.notes', entries: 'mail.messages' };

function historyTable(history) {
  const shown = (change, value) => {
    if (value === null || value === undefined || value === '') return '—';
    return change.field === 'status' ? statusLabel(value) : value;
  };
  return table([
    { label: t('mail.history.at'), value: c => dateTime(c.at) },
    { label: t('mail.history.field'), value: c => (FIELD_LABEL[c.field] ? t(FIELD_LABEL[c.field]) : h('code', c.field)) },
    { label: t('mail.history.change'), value: c => describe(c, shown), class: 'wrap' },
    { label: t('mail.history.by'), value: c => c.by || t('mail.history.agent') },
  ], [...history].reverse(), { empty: t('mail.history.none') });
}

function describe(change, shown) {
  if (change.field === 'entries') return t('mail.history.replyAdded', { n: change.to ?? '?' });
  if (change.field === 'status' && change.from == null) return t('mail.history.opened', { status: shown(change, change.to) });
  return h('span', h('s', shown(change, change.from)), ' → ', h('strong', shown(change, change.to)));
}

function changeForm(ticket) {
  const status = select('status', STATUSES.map(s => [s, statusLabel(s)]), ticket.status);
  const handledBy = h('input', { name: 'handledBy', type: 'text', value: ticket.handledBy ?? '', autocomplete: 'off' });
  const notes = h('textarea.plain', { name: 'notes', rows: 4 }, ticket.notes ?? '');
  const by = h('input', { name: 'by', type: 'text', value: sessionStorage.getItem(BY_KEY) ?? '', autocomplete: 'email', placeholder: 'marc@example.com' });
  const problem = h('div.form-problem');
  const submit = h('button.btn.primary', { type: 'submit' }, t('mail.ticket.save'));
  const form = h('form.ticket-change', {
    on: {
      submit: async e => {
        e.preventDefault();
        const body = {};
        if (status.value !== ticket.status) body.status = status.value;
        if (handledBy.value !== (ticket.handledBy ?? '')) body.handledBy = handledBy.value;
        if (notes.value !== (ticket.notes ?? '')) body.notes = notes.value;
        replace(problem);
        if (!Object.keys(body).length) {
          replace(problem, h('p.hint', { role: 'status' }, t('mail.ticket.nothingChanged')));
          return;
        }
        if (by.value.trim()) {
          body.by = by.value.trim();
          sessionStorage.setItem(BY_KEY, body.by);
        }
        submit.disabled = true;
        try {
          await api.patch(`/api/mail/tickets/${encodeURIComponent(ticket.id)}`, body);
          toast(t('mail.ticket.saved', { id: ticket.id }));
          render();
        } catch (error) {
          replace(problem, errorBox(error));
          for (const [name] of error.fieldErrors ?? []) form.elements[name]?.setAttribute('aria-invalid', 'true');
          problem.querySelector('.error-box')?.setAttribute('tabindex', '-1');
          problem.querySelector('.error-box')?.focus();
        } finally {
          submit.disabled = false;
        }
      },
      input: e => e.target.removeAttribute?.('aria-invalid'),
    },
  },
  h('div.form-grid',
    field(t('mail.status'), status),
    field(t('mail.handledBy'), handledBy),
    field(t('mail.ticket.by'), by, t('mail.ticket.byHint'))),
  field(t('mail.ticket.notes'), notes, t('mail.ticket.notesHint', { max: number(MAX_TEXT) })),
  submit, problem);
  return form;
}
