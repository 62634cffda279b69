// "/deadletters" — runs that failed for good and channel messages nobody consumed, each with its replay.
import { h } from '../../core/dom.js';
import { t } from '../../core/i18n.js';
import { api } from '../../core/api.js';
import { href, render } from '../../core/router.js';
import { actionButton, async, badge, page, table, toast } from '../../core/ui.js';
import { dateTime } from '../../core/format.js';

export function deadLettersPage(ctx) {
  return page(t('deadLetters.title'), { subtitle: t('deadLetters.subtitle') }, async(async () => {
    const list = await api.get('/api/deadletters', { limit: 200 }, { signal: ctx.signal });
    return table([
      { label: t('deadLetters.kind'), value: d => badge(d.kind === 'instance' ? 'failed' : 'pending', t(`deadLetters.kind.${d.kind}`)) },
      { label: t('deadLetters.id'), value: d => (d.kind === 'instance' ? h('a', { href: href(`/instances/${encodeURIComponent(d.id)}`) }, h('code', d.id)) : h('code', d.id)) },
      { label: t('instances.workflow'), value: d => d.workflowId ?? d.channel ?? '—' },
      { label: t('instances.failedStep'), value: d => d.stepId ?? '—' },
      { label: t('deadLetters.reason'), value: d => `${d.errorKind ? `${d.errorKind}: ` : ''}${d.reason ?? ''}`, class: 'wrap' },
      { label: t('deadLetters.failedAt'), value: d => dateTime(d.failedAt) },
      { label: '', value: d => replayButton(d) },
    ], list.items ?? [], { empty: t('deadLetters.none') });
  }));
}

function replayButton(entry) {
  const path = entry.kind === 'instance'
    ? `/api/instances/${encodeURIComponent(entry.id)}/replay`
    : `/api/deadletters/messages/${encodeURIComponent(entry.id)}/replay`;
  return actionButton(t('deadLetters.replay'), async () => {
    await api.post(path);
    toast(t('deadLetters.replayed', { id: entry.id }));
    render();
  });
}
