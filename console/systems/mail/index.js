// The email ticket agent (seed 004): tickets opened from the watched mailboxes, each with its thread and history,
// moved between Nouveau / En cours / Résolu; the day's counts by outcome, category and priority; mailbox health.
import { lazy } from '../../core/router.js';
import { messages } from './messages.js';

export default {
  id: 'mail',
  messages,
  nav: [{ path: '/mail/tickets', match: '/mail', label: 'nav.mail' }],
  routes: [
    ['/mail/tickets', lazy(() => import('./tickets.js'), 'ticketsPage')],
    ['/mail/tickets/:id', lazy(() => import('./ticket.js'), 'ticketPage')],
    ['/mail/statistics', lazy(() => import('./statistics.js'), 'statisticsPage')],
  ],
};
