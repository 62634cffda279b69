// "/approvals" — every open gate with its group, subject, item, deadline and reminders sent.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href } from '../../core/router.js';
import { async, badge, button, jsonBlock, page, table } from '../../core/ui.js';
import { dateTime, duration } from '../../core/format.js';
import { decisionLinks } from '../runtime/sandbox.js';

export function approvalsPage(ctx) {
  return page(t('approvals.title'), { subtitle: t('approvals.subtitle') }, async(async () => {
    const list = await api.get('/api/approvals', { status: 'pending' }, { signal: ctx.signal });
    return h('div',
      list.truncated ? h('p.warning', t('approvals.truncated')) : null,
      table([
        { label: t('approvals.subject'), value: a => h('strong', a.subject ?? a.gateId) },
        { label: t('instances.workflow'), value: a => a.workflowId },
        { label: t('instances.instance'), value: a => h('a', { href: href(`/instances/${encodeURIComponent(a.instanceId)}`) }, h('code', a.instanceId)) },
        { label: t('approvals.group'), value: a => a.group },
        { label: t('approvals.requested'), value: a => dateTime(a.requestedAt) },
        { label: t('approvals.deadline'), value: a => deadline(a.deadlineAt) },
        { label: t('approvals.reminders'), value: a => String(a.remindersSent ?? 0), class: 'num' },
        { label: t('approvals.item'), value: a => h('details', h('summary', t('instance.show')), jsonBlock(a.item)), class: 'wrap' },
        { label: t('approvals.decide'), value: a => howToDecide(a, ctx) },
      ], list.items ?? [], { empty: t('approvals.none') }));
  }));
}

function deadline(at) {
  if (!at) return t('approvals.noDeadline');
  const left = new Date(at) - new Date();
  return h('span', { class: left < 3_600_000 ? 'soon' : '' }, dateTime(at), ' ', left > 0 ? `(${t('approvals.left', { d: duration(left) })})` : `(${t('approvals.overdue')})`);
}

function howToDecide(gate, ctx) {
  if (gate.decisionInFlight) return badge(gate.decisionInFlight, t('approvals.inFlight', { decision: gate.decisionInFlight }));
  const box = h('div.decide');
  replace(box, button(t('approvals.showLinks'), async () => {
    const calls = await api.get('/api/sandbox/calls', { instanceId: gate.instanceId }, { signal: ctx.signal }).catch(() => ({ calls: [] }));
    const links = calls.calls.filter(c => c.stepKey === gate.gateId || String(c.stepKey).endsWith(`.${gate.gateId}`)).map(c => decisionLinks(c.request)).filter(Boolean);
    replace(box, links.length ? links : h('p.hint', t('approvals.viaChannels')));
  }));
  return box;
}
