// What the mail pages share: the ticket statuses and priorities as badges, the known label sets, the sub-navigation.
import { h } from '../../core/dom.js';
import { has, t } from '../../core/i18n.js';
import { href } from '../../core/router.js';
import { badge } from '../../core/ui.js';

/** The three statuses the API accepts (TicketStatuses.All), in order. */
export const STATUSES = ['Nouveau', 'En cours', 'Résolu'];

/** The shipped label sets (Mail:Classification:Categories / Priorities). A host may configure others: the filters
 * accept any text, these are only suggestions. */
export const CATEGORIES = ['Technique', 'Commercial', 'Support', 'Facturation'];
export const PRIORITIES = ['Critique', 'Haute', 'Moyenne', 'Basse'];

const STATUS_KIND = { Nouveau: 'pending', 'En cours': 'running', Résolu: 'completed' };
const PRIORITY_KIND = { Critique: 'failed', Haute: 'pending', Moyenne: 'running', Basse: 'inactive' };

export function statusLabel(status) {
  return has(`mail.status.${status}`) ? t(`mail.status.${status}`) : String(status ?? '—');
}

export function statusBadge(status) {
  return badge(STATUS_KIND[status] ?? 'inactive', statusLabel(status));
}

export function priorityBadge(priority) {
  return badge(PRIORITY_KIND[priority] ?? 'inactive', priority ?? '—');
}

/** Tickets · Day statistics, as links (the top navigation names the tickets only). */
export function mailNav(current) {
  const item = (path, label) => h('li', h('a', { href: href(path), 'aria-current': path === current ? 'page' : null }, label));
  return h('nav.subnav', { 'aria-label': t('mail.subnav') },
    h('ul', item('/mail/tickets', t('mail.tickets.title')), item('/mail/statistics', t('mail.stats.title'))));
}

/** Marks a page as one of the mail pages (their few style rules are scoped to .mail-page). */
export function mailPage(node) {
  node.classList.add('mail-page');
  return node;
}

/** A <datalist> of suggestions for a free-text filter. */
export function suggestions(id, values) {
  return h('datalist', { id }, values.map(v => h('option', { value: v })));
}
