// The CRM workflow engine (seed 002) over /api/v1/workflows: the list, the multi-step editor, templates, a workflow's
// details (configuration, executions, statistics, versions, run now) and an execution's timeline.
import { lazy } from '../../core/router.js';
import { messages } from './messages.js';

export default {
  id: 'crm',
  messages,
  nav: [{ path: '/crm/workflows', match: '/crm', label: 'nav.crm' }],
  routes: [
    ['/crm', lazy(() => import('./list.js'), 'workflowListPage')],
    ['/crm/workflows', lazy(() => import('./list.js'), 'workflowListPage')],
    ['/crm/workflows/new', lazy(() => import('./editor.js'), 'editorPage')],
    ['/crm/templates', lazy(() => import('./templates.js'), 'templatesPage')],
    ['/crm/workflows/:id/edit', lazy(() => import('./editor.js'), 'editorPage')],
    ['/crm/workflows/:id/executions/:executionId', lazy(() => import('./execution.js'), 'executionPage')],
    ['/crm/workflows/:id', lazy(() => import('./detail.js'), 'detailPage')],
  ],
};
