// Start: a signed-in session (else the sign-in form), then the view the address names; in-page links
// and the browser's back button move between views without reloading.
import { App } from './app.ts';
import { fitCharts } from './charts.ts';
import { Api } from './api/client.ts';
import { currentSession, signIn, signOut } from './api/session.ts';
import { byId, h } from './dom.ts';
import { setLang, t } from './i18n/i18n.ts';
import { readRoute } from './route.ts';

function showSignIn(): void {
  setLang(readRoute().lang);
  const host = byId('signin');
  const input = h('textarea', { id: 'token', rows: '4', cols: '60', required: '' });
  const form = h(
    'form',
    {},
    h('h2', {}, t('signIn')),
    h('p', {}, t('signInHelp')),
    h('label', { for: 'token' }, t('token')),
    input,
    h('button', { type: 'submit' }, t('signIn')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    signIn(input.value);
    location.reload();
  });
  host.replaceChildren(form);
  host.hidden = false;
  byId('view').hidden = true;
}

function start(): void {
  const session = currentSession();
  if (!session) return showSignIn();
  const app = new App(session, new Api(session));
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const url = link ? new URL(link.href) : undefined;
    if (
      !url ||
      url.origin !== location.origin ||
      url.pathname !== location.pathname ||
      url.hash ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    event.preventDefault();
    app.navigate(readRoute(url.search));
  });
  window.addEventListener('popstate', () => app.navigate(readRoute(), false));
  byId('lang').addEventListener('click', () =>
    app.navigate({ ...app.route, lang: app.route.lang === 'vi' ? 'en' : 'vi' }),
  );
  byId('sign-out').addEventListener('click', () => {
    signOut();
    location.reload();
  });
  setInterval(() => app.showState(), 5000);
  window.addEventListener('resize', fitCharts);
  void app.load();
}

start();
