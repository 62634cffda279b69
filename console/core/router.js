// Hash routes (#/instances/abc?status=Failed), so the same files work wherever a host serves them: at / in the
// embedded host, under /api/console/ in the Functions app. A page is a function of its route that returns the
// view; it may poll while shown, and ctx.signal / ctx.onLeave stop that when the user goes elsewhere.
import { errorBox } from './ui.js';

const routes = [];
let leaving = [];
let controller = null;
let renderTarget = null;
let onRendered = () => {};
let fallback = () => document.createTextNode('');

/** A page whose module is fetched the first time it is shown: lazy(() => import('./list.js'), 'listPage').
 * The frame and the systems' route tables load first; each page's code only when someone opens it. */
export function lazy(load, name) {
  return ctx => load().then(module => module[name](ctx));
}

/** pattern like '/instances/:id'; render(ctx) returns a Node or a Promise of one. */
export function addRoute(pattern, render) {
  if (pattern === '*') {
    fallback = render;
    return;
  }
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (m, name) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ pattern, regex: new RegExp(`^${source}$`), names, render });
}

export function currentLocation() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

export function href(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function navigate(path, query) {
  location.hash = href(path, query);
}

/** Changes the query of the current page without a new history entry (filters). */
export function replaceQuery(query) {
  const { path } = currentLocation();
  history.replaceState(null, '', href(path, query));
  render();
}

export function startRouter(target, rendered) {
  renderTarget = target;
  onRendered = rendered ?? onRendered;
  window.addEventListener('hashchange', render);
  return render();
}

/** Stops answering address changes (the sign-in form replaces the pages until the console starts again). */
export function stopRouter() {
  window.removeEventListener('hashchange', render);
  leaving.forEach(fn => fn());
  leaving = [];
  controller?.abort();
}

export async function render() {
  leaving.forEach(fn => fn());
  leaving = [];
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const { path, query } = currentLocation();
  const match = findRoute(path);
  const ctx = {
    path,
    query,
    params: match?.params ?? {},
    signal,
    onLeave: fn => leaving.push(fn),
  };
  let view;
  try {
    view = await (match ? match.route.render(ctx) : fallback(ctx));
  } catch (error) {
    // The page's module could not be fetched (the host restarted, the network dropped): say so in the page.
    view = errorBox(error);
  }
  if (signal.aborted) return;
  renderTarget.replaceChildren(view);
  onRendered(path, match?.route.pattern);
}

function findRoute(path) {
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (m) {
      try {
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
        return { route, params };
      } catch {
        return null;
      }
    }
  }
  return null;
}
