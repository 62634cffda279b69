// "/sandbox" — what the sandbox connectors of a run would have sent (the call, its request with secrets left
// out, the fake answer). The instance page shows the same list for its run.
import { h, replace } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, replaceQuery } from '../../core/router.js';
import { async, field, input, jsonBlock, page, table } from '../../core/ui.js';
import { dateTime } from '../../core/format.js';
import { instanceTable } from './instances.js';

export function sandboxPage(ctx) {
  const instanceId = ctx.query.instanceId ?? '';
  const box = h('div');
  const form = h('form.filters', { on: { submit: e => { e.preventDefault(); replaceQuery({ instanceId: e.target.instanceId.value.trim() }); } } },
    field(t('instances.instance'), input('instanceId', instanceId, { required: true })),
    h('div.filter-buttons', h('button.btn.primary', { type: 'submit' }, t('ui.open'))));
  if (instanceId) {
    replace(box, async(async () => {
      const list = await api.get('/api/sandbox/calls', { instanceId }, { signal: ctx.signal });
      return h('div', h('p', h('a', { href: href(`/instances/${encodeURIComponent(instanceId)}`) }, t('sandbox.openInstance'))),
        list.calls.length ? sandboxCallList(list.calls) : h('p.empty', t('instance.noSandbox')));
    }));
  } else {
    replace(box, h('h2', t('sandbox.recentDryRuns')), async(async () => {
      const list = await api.get('/api/instances', { dryRun: 'true', limit: 20 }, { signal: ctx.signal });
      return instanceTable(list.items ?? []);
    }));
  }
  return page(t('sandbox.title'), { subtitle: t('sandbox.subtitle') }, form, box);
}

export function sandboxCallList(calls) {
  return table([
    { label: t('sandbox.when'), value: c => dateTime(c.recordedAt) },
    { label: t('sandbox.connector'), value: c => h('code', `${c.connector}.${c.operation}`) },
    { label: t('instance.step'), value: c => h('code', c.stepKey) },
    { label: t('sandbox.request'), value: c => h('details', h('summary', t('sandbox.whatWouldBeSent')), jsonBlock(c.request), decisionLinks(c.request)), class: 'wrap' },
    { label: t('sandbox.result'), value: c => h('details', h('summary', t('instance.show')), jsonBlock(c.result)), class: 'wrap' },
  ], calls);
}

const DECISION_LINK = /https?:\/\/[^\s"'<>]+?(\/api\/approvals\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;

/** Approval e-mails a sandbox would have sent carry the approvers' signed decision links: offered as links to
 * this host's decision page (the path only, so they open here), exactly what the approver would have clicked.
 * The token's middle part is readable JSON (the signature is what protects it): it names the decision and approver. */
export function decisionLinks(request) {
  const text = JSON.stringify(request ?? '');
  const paths = [...new Set([...text.matchAll(DECISION_LINK)].map(m => m[1]))];
  if (!paths.length) return null;
  return h('ul.decision-links', paths.map((path, i) => {
    const token = readToken(path);
    const label = token?.d
      ? t('sandbox.decisionAs', { decision: token.d, approver: token.a ?? '?' })
      : t('sandbox.decisionLink', { n: i + 1 });
    return h('li', h('a', { href: path, target: '_blank', rel: 'noopener', 'data-decision': token?.d ?? '' }, label));
  }));
}

function readToken(path) {
  try {
    const payload = path.split('/').pop().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
  } catch {
    return null;
  }
}
