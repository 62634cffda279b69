// "/helpdesk" — the seed's --status (pending and processed, processed by outcome, the failures, the running batch),
// refresh from Zoho Desk, the form that starts a dry run or a batch (count, delay, one ticket; a real batch asks
// first), and every batch with its summary.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { navigate, render } from '../../core/router.js';
import { actionButton, async, badge, button, confirmDialog, field, page, section, table, toast } from '../../core/ui.js';
import { horizontalBars } from '../../core/charts.js';
import { dateTime, number } from '../../core/format.js';
import { batchHref, outcomeBars, outcomeLegend, summaryLine } from './shared.js';

export function helpdeskPage(ctx) {
  const view = page(t('helpdesk.title'), {
    subtitle: t('helpdesk.subtitle'),
    actions: [
      actionButton(t('helpdesk.refresh'), async () => {
        const result = await api.post('/api/v1/helpdesk/refresh');
        toast(t('helpdesk.refreshed', { read: number(result.read), pending: number(result.pending) }));
        render();
      }, { id: 'helpdesk-refresh' }),
      button(t('ui.refresh'), () => render()),
    ],
  },
  async(() => statusView(ctx)),
  section(t('helpdesk.start'), startForm()),
  section(t('helpdesk.batches'), async(() => batchList(ctx))));
  view.classList.add('helpdesk-page');
  return view;
}

async function statusView(ctx) {
  const status = await api.get('/api/v1/helpdesk/status', undefined, { signal: ctx.signal });
  const summary = status.summary ?? {};
  const card = (label, value, cls) => h('div.card', { class: cls }, h('span.card-value', value), h('span.card-label', label));
  return h('div.helpdesk-status',
    status.running_batch ? h('p.warning', { role: 'status' }, t('helpdesk.running'), ' ', h('a', { href: batchHref(status.running_batch) }, h('code', status.running_batch))) : null,
    h('div.cards',
      card(t('helpdesk.pending'), number(status.pending)),
      card(t('helpdesk.processed'), number(status.processed)),
      card(t('helpdesk.succeeded'), number(summary.succeeded ?? 0), summary.succeeded ? 'ok' : ''),
      card(t('helpdesk.failures'), number(summary.failed ?? 0), summary.failed ? 'bad' : ''),
      card(t('helpdesk.successRate'), summary.total ? `${number(summary.success_rate, 1)} %` : '—'),
      card(t('helpdesk.drafts'), number(summary.drafts_created ?? 0))),
    h('div.charts',
      h('div', horizontalBars(t('helpdesk.byOutcome'), outcomeBars(summary)), outcomeLegend()),
      section(t('helpdesk.newestPending'), status.newest_pending
        ? h('dl.facts',
          h('dt', t('helpdesk.ticket')), h('dd', h('code', status.newest_pending.id), status.newest_pending.ticketNumber ? ` (#${status.newest_pending.ticketNumber})` : ''),
          h('dt', t('helpdesk.subject')), h('dd', status.newest_pending.subject || '—'),
          h('dt', t('helpdesk.created')), h('dd', dateTime(status.newest_pending.createdTime)))
        : h('p.empty', t('helpdesk.noPending')))),
    status.failures?.length ? section(t('helpdesk.failuresTitle'), table([
      { label: t('helpdesk.ticket'), value: f => h('code', f.id) },
      { label: t('helpdesk.error'), value: f => f.error ?? '—', class: 'wrap' },
      { label: t('helpdesk.processedAt'), value: f => dateTime(f.processed_at) },
    ], status.failures)) : null);
}

function startForm() {
  const count = h('input', { name: 'count', type: 'number', min: 1, max: 1000, step: 1, value: 10, inputmode: 'numeric' });
  const delay = h('input', { name: 'delay', type: 'number', min: 0, max: 600, step: 0.5, value: 2, inputmode: 'decimal' });
  const ticket = h('input', { name: 'ticket', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const today = h('input', { name: 'today', type: 'date' });
  const body = dryRun => {
    const value = { dry_run: dryRun };
    const numberOf = control => (control.value.trim() === '' ? undefined : Number.isFinite(Number(control.value)) ? Number(control.value) : control.value);
    if (numberOf(count) !== undefined) value.count = numberOf(count);
    if (numberOf(delay) !== undefined) value.delay = numberOf(delay);
    if (ticket.value.trim()) value.ticket = ticket.value.trim();
    if (today.value) value.today = today.value;
    return value;
  };
  const start = async dryRun => {
    const request = body(dryRun);
    if (!dryRun) {
      const what = request.ticket ? t('helpdesk.confirmTicket', { ticket: request.ticket }) : t('helpdesk.confirmCount', { count: request.count ?? 10 });
      if (!(await confirmDialog(what, t('helpdesk.runBatch')))) return;
    }
    const started = await api.post('/api/v1/helpdesk/batches', request);
    toast(started.resumed ? t('helpdesk.resumed', { id: started.batch_id }) : t('helpdesk.started', { id: started.batch_id }));
    navigate(`/helpdesk/batches/${encodeURIComponent(started.batch_id)}`);
  };
  return h('form.helpdesk-start', { on: { submit: e => e.preventDefault() } },
    h('div.form-grid',
      field(t('helpdesk.count'), count, t('helpdesk.countHint')),
      field(t('helpdesk.delay'), delay, t('helpdesk.delayHint')),
      field(t('helpdesk.ticketId'), ticket, t('helpdesk.ticketHint')),
      field(t('helpdesk.today'), today, t('helpdesk.todayHint'))),
    h('p.hint', t('helpdesk.dryRunHint')),
    h('div.actions',
      actionButton(t('helpdesk.dryRun'), () => start(true), { kind: 'primary', id: 'start-dry-run' }),
      actionButton(t('helpdesk.runBatch'), () => start(false), { kind: 'danger', id: 'start-batch' })));
}

async function batchList(ctx) {
  const list = await api.get('/api/v1/helpdesk/batches', undefined, { signal: ctx.signal });
  return table([
    { label: t('helpdesk.batch'), value: b => h('a', { href: batchHref(b.batch_id) }, h('code', b.batch_id)) },
    { label: t('helpdesk.kind'), value: b => (b.dry_run ? badge('draft', t('helpdesk.dryRunBadge')) : badge('active', t('helpdesk.realBadge'))) },
    { label: t('helpdesk.startedAt'), value: b => dateTime(b.started_at) },
    { label: t('helpdesk.finishedAt'), value: b => (b.finished_at ? dateTime(b.finished_at) : badge('running', t('helpdesk.unfinished'))) },
    { label: t('helpdesk.tickets'), value: b => `${number(b.tickets)} / ${number(b.requested)}`, class: 'num' },
    { label: t('helpdesk.summary'), value: b => summaryLine(b.summary), class: 'wrap' },
    { label: t('helpdesk.drafts'), value: b => (b.summary ? number(b.summary.drafts_created) : '—'), class: 'num' },
  ], list.batches ?? [], { empty: t('helpdesk.noBatches') });
}
