// Reads GET /api/stats and turns its buckets into chart points.
import { api } from '../../core/api.js';
import { lang } from '../../core/i18n.js';

export const PERIODS = {
  '24h': { bucket: 'hour', hours: 24 },
  '7d': { bucket: 'day', hours: 24 * 7 },
  '30d': { bucket: 'day', hours: 24 * 30 },
};

export function loadStats(period, workflowId, signal) {
  const { bucket, hours } = PERIODS[period] ?? PERIODS['7d'];
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3_600_000);
  if (bucket === 'day') from.setUTCHours(0, 0, 0, 0);
  else from.setUTCMinutes(0, 0, 0);
  return api.get('/api/stats', { workflowId, bucket, from: from.toISOString(), to: to.toISOString() }, { signal });
}

export function seriesPoints(stats) {
  const locale = lang() === 'fr' ? 'fr-FR' : 'en-GB';
  const format = stats.bucket === 'hour' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit' };
  return (stats.series ?? []).map(b => ({
    label: new Date(b.start).toLocaleString(locale, format),
    values: { completed: b.completed ?? 0, failed: b.failed ?? 0, other: Math.max(0, (b.executions ?? 0) - (b.completed ?? 0) - (b.failed ?? 0)) },
  }));
}
