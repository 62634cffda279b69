// "/mail/statistics" — one UTC day of the agent (GET /api/mail/statistics?day=): messages by outcome, tickets opened
// by category and by priority, the critical tickets; the tickets as they stand now by status; the mailboxes' health.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, replaceQuery } from '../../core/router.js';
import { async, badge, field, input, page, section, table } from '../../core/ui.js';
import { horizontalBars } from '../../core/charts.js';
import { dateTime, number } from '../../core/format.js';
import { CATEGORIES, mailNav, mailPage, PRIORITIES, STATUSES, statusLabel } from './shared.js';

const OUTCOMES = ['Opened', 'Appended', 'AutoReply', 'Bounce', 'MailingList', 'OwnMail'];
const OUTCOME_CLASS = { Opened: 'ok', Appended: 'run', Bounce: 'bad' };
const PRIORITY_CLASS = { Critique: 'bad', Haute: 'wait', Moyenne: 'run', Basse: 'muted' };
const STATUS_CLASS = { Nouveau: 'wait', 'En cours': 'run', Résolu: 'ok' };
const STATUS_SAMPLE = 100;

export function statisticsPage(ctx) {
  const today = new Date().toISOString().slice(0, 10);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(ctx.query.day ?? '') ? ctx.query.day : today;
  const dayInput = input('day', day, { type: 'date', onChange: v => replaceQuery({ day: v || undefined }) });
  dayInput.max = today;
  return mailPage(page(t('mail.stats.title'), { subtitle: t('mail.stats.subtitle') },
    mailNav('/mail/statistics'),
    h('form.filters', { on: { submit: e => e.preventDefault() } }, field(t('mail.stats.day'), dayInput, t('mail.stats.dayHint'))),
    async(async () => {
      const stats = await api.get('/api/mail/statistics', { day }, { signal: ctx.signal });
      return dayView(stats);
    }),
    section(t('mail.stats.byStatusNow'), async(() => statusNow(ctx))),
    section(t('mail.mailboxes.title'), async(() => mailboxes(ctx)))));
}

function dayView(stats) {
  const opened = stats.byOutcome?.Opened ?? 0;
  const card = (label, value, cls) => h('div.card', { class: cls }, h('span.card-value', value), h('span.card-label', label));
  const critical = stats.criticalTickets ?? [];
  return h('div',
    h('div.cards',
      card(t('mail.stats.messages'), number(stats.messages)),
      card(t('mail.stats.opened'), number(opened), opened ? 'ok' : ''),
      card(t('mail.stats.appended'), number(stats.byOutcome?.Appended ?? 0)),
      card(t('mail.stats.screened'), number(screened(stats.byOutcome ?? {}))),
      card(t('mail.stats.critical'), number(critical.length), critical.length ? 'bad' : '')),
    h('div.charts',
      horizontalBars(t('mail.stats.byOutcome'), ordered(stats.byOutcome, OUTCOMES).map(([key, value]) => ({
        label: outcomeLabel(key), value, text: number(value), class: OUTCOME_CLASS[key] ?? 'muted',
      }))),
      horizontalBars(t('mail.stats.byCategory'), ordered(stats.byCategory, CATEGORIES).map(([key, value]) => ({
        label: key || t('mail.stats.none'), value, text: number(value),
      }))),
      horizontalBars(t('mail.stats.byPriority'), ordered(stats.byPriority, PRIORITIES).map(([key, value]) => ({
        label: key || t('mail.stats.none'), value, text: number(value), class: PRIORITY_CLASS[key] ?? 'muted',
      })))),
    critical.length ? h('p', t('mail.stats.criticalTickets'), ' ',
      critical.map((id, i) => [i ? ', ' : '', h('a', { href: href(`/mail/tickets/${encodeURIComponent(id)}`) }, h('code', id))])) : null,
    stats.messages ? null : h('p.empty', t('mail.stats.nothing', { day: stats.day })));
}

function screened(byOutcome) {
  return Object.entries(byOutcome).filter(([k]) => k !== 'Opened' && k !== 'Appended').reduce((sum, [, v]) => sum + v, 0);
}

/** The known labels first, in their order (zero when absent), then any other label the API counted. */
function ordered(counts, known) {
  const all = { ...Object.fromEntries(known.map(k => [k, 0])), ...(counts ?? {}) };
  return [...known, ...Object.keys(all).filter(k => !known.includes(k))].map(k => [k, all[k]]);
}

function outcomeLabel(key) {
  return OUTCOMES.includes(key) ? t(`mail.outcome.${key}`) : key;
}

/** The statistics route counts messages of a day, not ticket statuses: the tickets as they stand now are counted
 * from the list route, one call per status, at most STATUS_SAMPLE each ("100+" beyond). */
async function statusNow(ctx) {
  const counts = await Promise.all(STATUSES.map(async status => {
    const list = await api.get('/api/mail/tickets', { status, limit: STATUS_SAMPLE }, { signal: ctx.signal });
    return { status, count: list.items?.length ?? 0, more: Boolean(list.continuationToken) };
  }));
  return h('div',
    horizontalBars(t('mail.stats.byStatus'), counts.map(c => ({
      label: statusLabel(c.status), value: c.count, text: c.more ? `${number(c.count)}+` : number(c.count), class: STATUS_CLASS[c.status],
    }))),
    h('p.hint', t('mail.stats.byStatusHint', { n: STATUS_SAMPLE }), ' ',
      counts.map((c, i) => [i ? ' · ' : '', h('a', { href: href('/mail/tickets', { status: c.status }) }, statusLabel(c.status))])));
}

async function mailboxes(ctx) {
  const list = await api.get('/api/mail/mailboxes', undefined, { signal: ctx.signal });
  return table([
    { label: t('mail.mailboxes.name'), value: m => h('code', m.name ?? m.mailbox ?? '—') },
    { label: t('mail.mailboxes.state'), value: m => (m.failingSince || m.consecutiveFailures ? badge('failed', t('mail.mailboxes.failing')) : m.lastSuccess ? badge('active', t('mail.mailboxes.ok')) : badge('inactive', t('mail.mailboxes.never'))) },
    { label: t('mail.mailboxes.lastSuccess'), value: m => dateTime(m.lastSuccess) },
    { label: t('mail.mailboxes.lastAttempt'), value: m => dateTime(m.lastAttempt) },
    { label: t('mail.mailboxes.seen'), value: m => number(m.messagesSeen ?? 0), class: 'num' },
    { label: t('mail.mailboxes.handedOn'), value: m => number(m.messagesHandedOn ?? 0), class: 'num' },
    { label: t('mail.mailboxes.lastError'), value: m => (m.lastError ? `${m.lastError}${m.failingSince ? ` (${t('mail.mailboxes.since', { at: dateTime(m.failingSince) })})` : ''}` : '—'), class: 'wrap' },
  ], list.items ?? [], { empty: t('mail.mailboxes.none') });
}
