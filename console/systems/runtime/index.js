// The runtime's pages: overview with charts, workflows, instances, dead letters and sandbox calls.
import { lazy } from '../../core/router.js';
import { messages } from './messages.js';

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
    ['/', lazy(() => import('./overview.js'), 'overviewPage')],
    ['/workflows', lazy(() => import('./workflows.js'), 'workflowsPage')],
    ['/workflows/:id', lazy(() => import('./workflow.js'), 'workflowPage')],
    ['/instances', lazy(() => import('./instances.js'), 'instancesPage')],
    ['/instances/:id', lazy(() => import('./instance.js'), 'instancePage')],
    ['/deadletters', lazy(() => import('./deadletters.js'), 'deadLettersPage')],
    ['/sandbox', lazy(() => import('./sandbox.js'), 'sandboxPage')],
  ],
};
