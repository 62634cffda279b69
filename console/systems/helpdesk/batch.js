// "/helpdesk/batches/:id" — one batch, followed live while it runs (GET /api/v1/helpdesk/batches/{id} every
// 1.5 s): a <progress> bar, the ticket in work, the time left, the summary so far and each ticket's result (outcome,
// draft created or, in a dry run, that would be made, error) with a link to the ticket's own run.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href } from '../../core/router.js';
import { badge, definitionList, errorBox, jsonBlock, loading, page, poll, section, table } from '../../core/ui.js';
import { horizontalBars } from '../../core/charts.js';
import { between, dateTime, duration, number } from '../../core/format.js';
import { outcomeBadge, outcomeBars } from './shared.js';

export function batchPage(ctx) {
  const id = ctx.params.id;
  const root = h('div.batch', loading());
  const open = new Set();
  let lastStamp = '';
  let runs = new Map();

  poll(ctx, async () => {
    let progress;
    try {
      progress = await api.get(`/api/v1/helpdesk/batches/${encodeURIComponent(id)}`, undefined, { signal: ctx.signal });
    } catch (error) {
      if (!ctx.signal.aborted) replace(root, page(t('helpdesk.batchTitle', { id }), {}, errorBox(error)));
      return error.status !== 404 && error.status !== 401;
    }
    const stamp = JSON.stringify([progress.status, progress.done, progress.total, progress.current?.id]);
    if (stamp !== lastStamp) {
      if ((progress.results?.length ?? 0) > runs.size) runs = await ticketRuns(id, ctx);
      root.querySelectorAll('details[data-key]').forEach(d => (d.open ? open.add(d.dataset.key) : open.delete(d.dataset.key)));
      const focused = document.activeElement?.closest?.('[data-focus]')?.dataset.focus;
      lastStamp = stamp;
      replace(root, view(progress, runs, open));
      if (focused) root.querySelector(`[data-focus="${CSS.escape(focused)}"]`)?.focus();
    } else {
      // Nothing new: only the clock moves (no redraw, so the keyboard focus stays where it is).
      const { elapsed, eta } = timing(progress);
      root.querySelector('[data-live="elapsed"]')?.replaceChildren(elapsed);
      root.querySelector('[data-live="eta"]')?.replaceChildren(eta);
    }
    return !progress.finished;
  }, 1500);

  return root;
}

/** Each ticket's run: the batch's results do not name it, but the batch's own run does, as the sub-workflow steps
 * of its timeline (input.ticketId), whose child runs are "<batch id>:<step key>" (the engine's naming). */
async function ticketRuns(batchId, ctx) {
  const runs = new Map();
  const batch = await api.get(`/api/instances/${encodeURIComponent(batchId)}`, undefined, { signal: ctx.signal }).catch(() => null);
  for (const step of batch?.timeline ?? []) {
    const ticketId = step.input?.ticketId;
    if (step.type === 'subWorkflow' && ticketId) runs.set(String(ticketId), step.childInstanceId ?? `${batchId}:${step.key ?? step.stepId}`);
  }
  return runs;
}

/** Time spent and time left: the average time per ticket done so far times the tickets still to do. */
function timing(progress) {
  const total = progress.total ?? 0;
  const done = progress.done ?? 0;
  const ms = between(progress.started_at, progress.ended_at);
  const left = !progress.finished && done > 0 && total > done ? (ms / done) * (total - done) : null;
  const eta = progress.finished ? '—'
    : left === null ? t('helpdesk.etaUnknown') : `${duration(left)} (${t('helpdesk.etaAt', { at: dateTime(new Date(Date.now() + left)) })})`;
  return { ms, elapsed: duration(ms), eta };
}

function view(progress, runs, open) {
  const live = !progress.finished;
  const total = progress.total ?? 0;
  const done = progress.done ?? 0;
  const { ms: elapsed, elapsed: elapsedText, eta } = timing(progress);
  const percent = total ? Math.round((100 * done) / total) : progress.finished ? 100 : 0;
  const bar = h('progress', { id: 'batch-progress', max: Math.max(total, 1), value: total ? done : progress.finished ? 1 : 0, 'aria-label': t('helpdesk.progress') });
  const view = page(t('helpdesk.batchTitle', { id: progress.batch_id }), {
    subtitle: progress.dry_run ? t('helpdesk.dryRunSubtitle') : t('helpdesk.realSubtitle'),
    actions: [h('a.btn', { href: '#/helpdesk' }, t('helpdesk.back')), h('a.btn', { href: href(`/instances/${encodeURIComponent(progress.batch_id)}`) }, t('helpdesk.batchRun'))],
  },
  h('div.status-line', badge(progress.status), progress.dry_run ? badge('draft', t('helpdesk.dryRunBadge')) : badge('active', t('helpdesk.realBadge')),
    live ? h('span.live', t('ui.live')) : null),
  progress.error ? h('div.error-box', { role: 'alert' }, h('strong', t('helpdesk.batchFailed')), h('p', progress.error)) : null,
  h('div.batch-progress',
    h('label', { for: 'batch-progress' }, t('helpdesk.progressText', { done: number(done), total: number(total), percent })),
    bar,
    h('p.batch-now', { role: 'status', 'aria-live': 'polite' }, live
      ? (progress.current ? t('helpdesk.current', { ticket: progress.current.ticketNumber ? `#${progress.current.ticketNumber}` : progress.current.id, subject: progress.current.subject || '—' }) : t('helpdesk.waitingTickets'))
      : t('helpdesk.finished', { d: duration(elapsed) }))),
  definitionList([
    [t('helpdesk.startedAt'), dateTime(progress.started_at)],
    [t('helpdesk.finishedAt'), progress.ended_at ? dateTime(progress.ended_at) : '—'],
    [t('helpdesk.elapsed'), h('span', { 'data-live': 'elapsed' }, elapsedText)],
    [t('helpdesk.eta'), h('span', { 'data-live': 'eta' }, eta)],
    [t('helpdesk.successRate'), progress.summary?.total ? `${number(progress.summary.success_rate, 1)} %` : '—'],
    [progress.dry_run ? t('helpdesk.draftsWould') : t('helpdesk.drafts'), number(progress.summary?.drafts_created ?? 0)],
  ]),
  h('div.charts', horizontalBars(t('helpdesk.batchByOutcome'), outcomeBars(progress.summary))),
  section(t('helpdesk.results'), resultTable(progress, runs, open)));
  view.classList.add('helpdesk-page');
  return view;
}

function resultTable(progress, runs, open) {
  const dry = progress.dry_run;
  const results = progress.results ?? [];
  const anyError = results.some(r => r.error);
  return table([
    { label: t('helpdesk.ticket'), value: r => h('code', r.ticket_id) },
    { label: t('helpdesk.outcome'), value: r => outcomeBadge(r), class: 'wrap' },
    { label: t('helpdesk.intent'), value: r => r.triage?.detected_intent ?? '—', class: 'wrap' },
    { label: t('helpdesk.draft'), value: r => draftCell(r, dry) },
    { label: t('helpdesk.crm'), value: r => crmCell(r, dry) },
    anyError ? { label: t('helpdesk.error'), value: r => r.error ?? '—', class: 'wrap' } : null,
    { label: t('helpdesk.run'), value: r => (runs.get(String(r.ticket_id)) ? h('a', { href: href(`/instances/${encodeURIComponent(runs.get(String(r.ticket_id)))}`), 'data-focus': `run-${r.ticket_id}` }, t('helpdesk.openRun')) : '—') },
    { label: t('helpdesk.details'), value: r => details(r, open), class: 'wrap details-cell' },
  ].filter(Boolean), results, { empty: t('helpdesk.noResults'), rowClass: r => (r.success ? '' : 'row-bad') });
}

function draftCell(result, dry) {
  const content = result.output?.draft_content;
  if (result.draft_created) return badge('completed', t('helpdesk.draftCreated'));
  if (dry && content) return badge('draft', t('helpdesk.draftWould'));
  if (result.output?.note_content) return badge('inactive', t('helpdesk.noteOnly'));
  return t('helpdesk.noDraft');
}

function crmCell(result, dry) {
  const updates = result.output?.crm_updates ?? {};
  const n = Object.keys(updates).length;
  const one = n === 1 ? '1' : '';
  if (result.output?.crm_updated) return t(`helpdesk.crmUpdated${one}`, { n });
  if (dry && n) return t(`helpdesk.crmWould${one}`, { n });
  return '—';
}

/** The result as the API gives it; the draft and the note are HTML meant for Zoho Desk, shown here as their source
 * text, never rendered. */
function details(result, open) {
  const key = String(result.ticket_id);
  const output = result.output ?? {};
  return h('details', { 'data-key': key, open: open.has(key) },
    h('summary', { 'data-focus': `details-${key}` }, t('helpdesk.show')),
    output.draft_content ? [h('h3', t('helpdesk.draftContent')), h('pre.mail-body', { tabindex: 0 }, String(output.draft_content))] : null,
    output.note_content ? [h('h3', t('helpdesk.noteContent')), h('pre.mail-body', { tabindex: 0 }, String(output.note_content))] : null,
    output.route ? [h('h3', t('helpdesk.route')), jsonBlock(output.route)] : null,
    Object.keys(output.crm_updates ?? {}).length ? [h('h3', t('helpdesk.crmUpdates')), jsonBlock(output.crm_updates)] : null,
    h('h3', t('helpdesk.fullResult')), jsonBlock(result));
}
