// Dates, durations and numbers in the chosen language.
import { lang } from './i18n.js';

const formatters = new Map();

/** One Intl formatter per language and style: building one per table cell costs more than the whole API call. */
function formatter(kind, options) {
  const locale = lang() === 'fr' ? 'fr-FR' : 'en-GB';
  const key = `${locale}|${kind}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(locale, options));
  return formatters.get(key);
}

export function dateTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return formatter('dateTime', { dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

export function time(value) {
  if (!value) return '—';
  return formatter('time', { timeStyle: 'medium' }).format(new Date(value));
}

/** 850 ms, 12.3 s, 4 min 05 s, 2 h 10 min. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function between(start, end) {
  if (!start) return null;
  const stop = end ? new Date(end) : new Date();
  return stop - new Date(start);
}

export function number(value, digits = 0) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString(lang() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits });
}

export function percent(ratio) {
  if (ratio === null || ratio === undefined) return '—';
  return `${number(ratio * 100, 1)} %`;
}

/** Pretty JSON for <pre>; strings stay as they are. */
export function json(value) {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
