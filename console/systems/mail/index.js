// The email ticket agent (seed 004): tickets opened from the watched mailboxes, each with its thread and history,
// moved between Nouveau / En cours / Résolu; the day's counts by outcome, category and priority; mailbox health.
import { messages } from './messages.js';
import { ticketsPage } from './tickets.js';
import { ticketPage } from './ticket.js';
import { statisticsPage } from './statistics.js';

export default {
  id: 'mail',
  messages,
  nav: [{ path: '/mail/tickets', match: '/mail', label: 'nav.mail' }],
  routes: [
    ['/mail/tickets', ticketsPage],
    ['/mail/tickets/:id', ticketPage],
    ['/mail/statistics', statisticsPage],
  ],
};
