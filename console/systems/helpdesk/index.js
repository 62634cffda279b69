// The helpdesk ticket batch (seed 001): the Zoho Desk backlog (pending / processed, by outcome), refresh from Zoho,
// dry runs and batches started with the CLI's options, followed live ticket by ticket.
import { messages } from './messages.js';
import { helpdeskPage } from './helpdesk.js';
import { batchPage } from './batch.js';

export default {
  id: 'helpdesk',
  messages,
  nav: [{ path: '/helpdesk', label: 'nav.helpdesk' }],
  routes: [
    ['/helpdesk', helpdeskPage],
    ['/helpdesk/batches/:id', batchPage],
  ],
};
