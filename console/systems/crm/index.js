// The CRM workflow engine (seed 002) over /api/v1/workflows: the list, the multi-step editor, templates, a workflow's
// details (configuration, executions, statistics, versions, run now) and an execution's timeline.
import { messages } from './messages.js';
import { workflowListPage } from './list.js';
import { editorPage } from './editor.js';
import { templatesPage } from './templates.js';
import { detailPage } from './detail.js';
import { executionPage } from './execution.js';

export default {
  id: 'crm',
  messages,
  nav: [{ path: '/crm/workflows', match: '/crm', label: 'nav.crm' }],
  routes: [
    ['/crm', workflowListPage],
    ['/crm/workflows', workflowListPage],
    ['/crm/workflows/new', editorPage],
    ['/crm/templates', templatesPage],
    ['/crm/workflows/:id/edit', editorPage],
    ['/crm/workflows/:id/executions/:executionId', executionPage],
    ['/crm/workflows/:id', detailPage],
  ],
};
