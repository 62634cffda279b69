// "/mail/tickets" — the tickets the agent opened, newest first, filtered on the server by status, category and
// priority (GET /api/mail/tickets, the filters ignore letter case) and paged with the API's continuation tokens.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, replaceQuery } from '../../core/router.js';
import { button, errorBox, field, input, loading, page, pager, select, table } from '../../core/ui.js';
import { dateTime } from '../../core/format.js';
import { CATEGORIES, mailNav, mailPage, PRIORITIES, priorityBadge, STATUSES, statusBadge, statusLabel, suggestions } from './shared.js';

const PAGE_SIZE = 50;

export function ticketsPage(ctx) {
  const filters = {
    status: ctx.query.status ?? '',
    category: ctx.query.category ?? '',
    priority: ctx.query.priority ?? '',
  };
  const results = h('div.results', loading());
  const tokens = [null];
  let pageIndex = 0;

  const load = async () => {
    replace(results, loading());
    try {
      const list = await api.get('/api/mail/tickets', { ...filters, limit: PAGE_SIZE, continuationToken: tokens[pageIndex] }, { signal: ctx.signal });
      tokens[pageIndex + 1] = list.continuationToken ?? undefined;
      replace(results, ticketTable(list.items ?? []), pager({
        pageNumber: pageIndex + 1,
        hasNext: Boolean(list.continuationToken),
        onFirst: () => { pageIndex = 0; load(); },
        onPrevious: () => { pageIndex = Math.max(0, pageIndex - 1); load(); },
        onNext: () => { pageIndex += 1; load(); },
      }));
      results.dataset.loaded = 'true';
    } catch (error) {
      if (!ctx.signal.aborted) replace(results, errorBox(error));
    }
  };

  const category = input('category', filters.category, { onChange: v => { filters.category = v.trim(); } });
  category.setAttribute('list', 'mail-categories');
  category.setAttribute('autocomplete', 'off');
  const priority = input('priority', filters.priority, { onChange: v => { filters.priority = v.trim(); } });
  priority.setAttribute('list', 'mail-priorities');
  priority.setAttribute('autocomplete', 'off');

  const form = h('form.filters', { on: { submit: e => { e.preventDefault(); replaceQuery(filters); } } },
    field(t('mail.status'), select('status', [['', t('ui.all')], ...STATUSES.map(s => [s, statusLabel(s)])], filters.status, v => { filters.status = v; })),
    field(t('mail.category'), category),
    field(t('mail.priority'), priority),
    suggestions('mail-categories', CATEGORIES),
    suggestions('mail-priorities', PRIORITIES),
    h('div.filter-buttons', h('button.btn.primary', { type: 'submit' }, t('ui.apply')), button(t('ui.reset'), () => replaceQuery({}))));

  load();
  return mailPage(page(t('mail.tickets.title'), {
    subtitle: t('mail.tickets.subtitle'),
    actions: [button(t('ui.refresh'), () => { pageIndex = 0; load(); })],
  }, mailNav('/mail/tickets'), form, h('p.hint', t('mail.tickets.noMailboxFilter')), results));
}

function ticketTable(items) {
  return table([
    { label: t('mail.ticket'), value: x => h('a', { href: href(`/mail/tickets/${encodeURIComponent(x.id)}`) }, h('code', x.id)) },
    { label: t('mail.date'), value: x => dateTime(x.date) },
    { label: t('mail.sender'), value: x => h('span', x.senderName && x.senderName !== x.email ? [x.senderName, h('br'), h('small.mono', x.email)] : h('span.mono', x.email ?? '—')), class: 'wrap' },
    { label: t('mail.subject'), value: x => x.subject || t('mail.noSubject'), class: 'wrap' },
    { label: t('mail.category'), value: x => x.category ?? '—' },
    { label: t('mail.priority'), value: x => priorityBadge(x.priority) },
    { label: t('mail.status'), value: x => statusBadge(x.status) },
    { label: t('mail.handledBy'), value: x => x.handledBy || '—' },
    { label: t('mail.messages'), value: x => String(x.entries?.length ?? 0), class: 'num' },
  ], items, { empty: t('mail.tickets.none'), rowClass: x => (x.priority === 'Critique' && x.status !== 'Résolu' ? 'row-bad' : '') });
}
