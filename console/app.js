// Start-up: messages and routes of every system, the sign-in check, the header, then the page of the address.
import { h, replace } from './core/dom.js';
import { addMessages, lang, languages, setLang, t } from './core/i18n.js';
import { addRoute, href, render, startRouter, stopRouter } from './core/router.js';
import { api, onUnauthorized } from './core/api.js';
import { authConfig, initAuth, signedIn, signInWithEntra, signOut, takeSignInProblem, useApiKey } from './core/auth.js';
import { button, errorBox, field, page } from './core/ui.js';
import { coreMessages } from './core/messages.js';
import { systems } from './systems.js';

const top = document.getElementById('top');
const view = document.getElementById('view');

addMessages(coreMessages);
for (const system of systems) {
  addMessages(system.messages);
  for (const [pattern, renderPage] of system.routes) addRoute(pattern, renderPage);
}
addRoute('*', () => page(t('app.notFound'), {}, h('p', h('a', { href: '#/' }, t('app.home')))));

let mode = 'loading';

async function start() {
  setLang(lang());
  onUnauthorized(() => { if (mode !== 'signin') showSignIn(); });
  // The page's own API calls say whether this caller may see it (a 401 brings the sign-in form), so the first
  // page does not wait for the sign-in settings, except when coming back from Entra ID with a code to exchange.
  const auth = initAuth();
  if (new URLSearchParams(location.search).has('code')) await auth;
  if (mode === 'signin') return;
  mode = 'app';
  drawHeader();
  await startRouter(view, markCurrent);
}

function drawHeader() {
  const nav = h('nav.main-nav', { id: 'main-nav', 'aria-label': t('app.navigation') },
    h('ul', systems.flatMap(s => s.nav).map(item => h('li', h('a', { href: href(item.path), 'data-path': item.match ?? item.path }, t(item.label))))));
  const menu = h('button.menu-toggle', {
    type: 'button', 'aria-controls': 'main-nav', 'aria-expanded': 'false',
    on: { click: () => { const open = nav.classList.toggle('open'); menu.setAttribute('aria-expanded', String(open)); } },
  }, t('app.menu'));
  const language = h('select.lang', {
    'aria-label': t('app.language'),
    on: { change: e => { setLang(e.target.value); drawHeader(); if (mode === 'app') render(); else showSignIn(); } },
  }, languages.map(code => h('option', { value: code, selected: code === lang() }, code.toUpperCase())));
  const out = mode === 'app' && signedIn() ? button(t('app.signOut'), () => { signOut(); location.reload(); }) : null;
  replace(top, h('a.brand', { href: '#/' }, t('app.title')), mode === 'app' ? [menu, nav] : null, h('div.top-tools', language, out));
  nav.addEventListener('click', e => { if (e.target.closest('a')) nav.classList.remove('open'); });
}

let firstRender = true;

function highlight(path) {
  for (const a of top.querySelectorAll('.main-nav a')) {
    const itemPath = a.dataset.path;
    const current = itemPath === '/' ? path === '/' : path === itemPath || path.startsWith(`${itemPath}/`);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function markCurrent(path) {
  highlight(path);
  // After a navigation, keyboard and screen-reader users land on the new page; the first load keeps the natural order.
  if (!firstRender) view.focus({ preventScroll: true });
  firstRender = false;
}

async function showSignIn() {
  mode = 'signin';
  stopRouter();
  drawHeader();
  await initAuth();
  const config = authConfig();
  const key = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', required: true, minlength: 16 });
  const problem = h('div');
  const form = h('form.signin', {
    on: {
      submit: async e => {
        e.preventDefault();
        useApiKey(key.value.trim());
        try {
          await api.get('/api/workflows');
          location.reload();
        } catch (error) {
          signOut();
          replace(problem, errorBox(error));
        }
      },
    },
  }, field(t('signin.apiKey'), key, t('signin.apiKeyHint')), h('button.btn.primary', { type: 'submit' }, t('signin.submit')), problem);
  const entra = config.modes?.includes('entra') ? h('p', button(t('signin.entra'), () => signInWithEntra(), { kind: 'primary' })) : null;
  const entraProblem = takeSignInProblem();
  const keys = config.modes?.includes('apiKey') ?? true;
  replace(view, page(t('signin.title'), { subtitle: t('signin.subtitle') }, entraProblem ? errorBox(entraProblem) : null, entra, keys ? form : null));
}

start();
