// The runtime's pages: overview with charts, workflows, instances, dead letters and sandbox calls.
import { messages } from './messages.js';
import { overviewPage } from './overview.js';
import { workflowsPage } from './workflows.js';
import { workflowPage } from './workflow.js';
import { instancesPage } from './instances.js';
import { instancePage } from './instance.js';
import { deadLettersPage } from './deadletters.js';
import { sandboxPage } from './sandbox.js';

export default {
  id: 'runtime',
  messages,
  nav: [
    { path: '/', label: 'nav.overview' },
    { path: '/workflows', label: 'nav.workflows' },
    { path: '/instances', label: 'nav.instances' },
    { path: '/deadletters', label: 'nav.deadLetters' },
    { path: '/sandbox', label: 'nav.sandbox' },
  ],
  routes: [
    ['/', overviewPage],
    ['/workflows', workflowsPage],
    ['/workflows/:id', workflowPage],
    ['/instances', instancesPage],
    ['/instances/:id', instancePage],
    ['/deadletters', deadLettersPage],
    ['/sandbox', sandboxPage],
  ],
};
