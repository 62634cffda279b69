// Approval gates waiting for a decision. Deciding stays with the approvers' signed links and Slack: the console
// shows who was asked and, for sandbox runs, the link the approver would have received.
import { lazy } from '../../core/router.js';
import { messages } from './messages.js';

export default {
  id: 'approvals',
  messages,
  nav: [{ path: '/approvals', label: 'nav.approvals' }],
  routes: [['/approvals', lazy(() => import('./approvals.js'), 'approvalsPage')]],
};
