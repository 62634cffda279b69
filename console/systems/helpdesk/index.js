// The helpdesk ticket batch (seed 001): the Zoho Desk backlog (pending / processed, by outcome), refresh from Zoho,
// dry runs and batches started with the CLI's options, followed live ticket by ticket.
import { lazy } from '../../core/router.js';
import { messages } from './messages.js';

export default {
  id: 'helpdesk',
  messages,
  nav: [{ path: '/helpdesk', label: 'nav.helpdesk' }],
  routes: [
    ['/helpdesk', lazy(() => import('./helpdesk.js'), 'helpdeskPage')],
    ['/helpdesk/batches/:id', lazy(() => import('./batch.js'), 'batchPage')],
  ],
};
