// The operator console. The operator token lives in an HttpOnly cookie this script cannot read;
// it keeps only the session's CSRF token, in memory, and sends it with every change.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  let role = null;
  // The session a first press of Delete armed; the second press deletes.
  let armed = null;

  async function deleteClient(id) {
    if (armed !== id) {
      armed = id;
      say('Press "Really delete?" to delete this client\'s photos and results now. This cannot be undone.');
      refresh();
      return;
    }
    armed = null;
    try {
      await call('DELETE', '/api/admin/sessions/' + encodeURIComponent(id));
      say('The client\'s session is deleted; a signed receipt was issued.');
    } catch (e) {
      say(e.message, true);
    }
    refresh();
  }

  const say = (text, isError) => {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : 'note';
  };

  async function call(method, path, body) {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin'});
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) {
      const e = new Error(json && json.detail ? json.detail : 'The appliance answered ' + r.status + '.');
      e.status = r.status;
      throw e;
    }
    return json;
  }

  function show(signedIn, session) {
    $('sign-in').hidden = signedIn;
    $('dashboard').hidden = !signedIn;
    $('sign-out').hidden = !signedIn;
    $('who').hidden = !signedIn;
    if (signedIn) {
      csrf = session.csrf;
      role = session.role;
      $('who').textContent = session.operator + ' (' + session.role + ')';
      refresh();
    } else {
      csrf = null;
      role = null;
      $('plugins-section').hidden = true;
      $('name').focus();
    }
  }

  function countdown(deadline) {
    const ms = new Date(deadline) - Date.now();
    if (ms <= 0) return 'now';
    const min = Math.floor(ms / 60000);
    return min >= 60 ? Math.floor(min / 60) + ' h ' + (min % 60) + ' min' : min + ' min';
  }

  async function refresh() {
    try {
      const health = await fetch('/health').then((r) => r.json());
      const check = (health.checks || []).find((c) => c.data && c.data.version) || {data: {}};
      $('health').textContent = health.status === 'UP' ? 'Running' : 'Not ready';
      $('version').textContent = check.data.version || '–';
      const warnings = $('warnings');
      warnings.replaceChildren();
      (health.checks || []).flatMap((c) => (c.data && c.data.warning ? String(c.data.warning).split('; ') : [])).forEach((w) => {
        const li = document.createElement('li');
        li.textContent = w;
        warnings.append(li);
      });
      const overview = await call('GET', '/api/admin/sessions?limit=100');
      $('clients-total').textContent = String(overview.total);
      $('next-deletion').textContent = overview.nextDeletion ? 'in ' + countdown(overview.nextDeletion) : 'none due';
      const body = $('clients').querySelector('tbody');
      body.replaceChildren();
      (overview.sessions || []).forEach((s) => {
        const tr = document.createElement('tr');
        [s.id.slice(0, 8), s.state, new Date(s.createdAt).toLocaleString(), countdown(s.deletesAt)].forEach((v) => {
          const td = document.createElement('td');
          td.textContent = v;
          tr.append(td);
        });
        const action = document.createElement('td');
        if (s.state === 'open') {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'danger delete-client';
          button.textContent = armed === s.id ? 'Really delete?' : 'Delete';
          button.setAttribute('aria-label', (armed === s.id ? 'Confirm: delete' : 'Delete') + ' session ' + s.id.slice(0, 8) + ' now');
          button.addEventListener('click', () => deleteClient(s.id));
          action.append(button);
        }
        tr.append(action);
        body.append(tr);
      });
      if (role === 'admin') {
        const plugins = await call('GET', '/api/admin/plugins');
        const rows = $('plugins').querySelector('tbody');
        rows.replaceChildren();
        plugins.plugins.forEach((p) => {
          const tr = document.createElement('tr');
          [(p.id || p.jar) + ' ' + (p.version || ''), p.kind || '–', p.state, p.trust || p.problem || '–'].forEach((v) => {
            const td = document.createElement('td');
            td.textContent = v;
            tr.append(td);
          });
          rows.append(tr);
        });
        $('plugins-section').hidden = false;
      }
    } catch (e) {
      if (e.status === 401) {
        say('Your console session ended. Please sign in again.', true);
        show(false);
      } else {
        say(e.message, true);
      }
    }
  }

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const session = await call('POST', '/api/console/session', {name: $('name').value, password: $('password').value});
      $('password').value = '';
      say('Signed in.');
      show(true, session);
    } catch (e) {
      say(e.message, true);
    }
  });

  $('sign-out').addEventListener('click', async () => {
    try {
      await call('DELETE', '/api/console/session');
    } finally {
      say('Signed out.');
      show(false);
    }
  });

  $('new-client').addEventListener('click', async () => {
    try {
      const card = await call('POST', '/api/admin/invitations/card', {origin: location.origin});
      const svg = new DOMParser().parseFromString(card.qrSvg, 'image/svg+xml').documentElement;
      $('qr').replaceChildren(document.importNode(svg, true));
      $('card-link').textContent = card.link;
      $('card-link').href = card.link;
      $('card-kept').textContent = card.photosKeptFor.replace(/^PT(\d+)H$/, '$1 hours').replace(/^PT(\d+)M$/, '$1 minutes');
      $('card-fingerprint').textContent = card.fingerprint || 'not available';
      $('card-section').hidden = false;
      say('A new client card is ready: print it or show it to the client.');
      $('print-card').focus();
      refresh();
    } catch (e) {
      say(e.message, true);
    }
  });

  $('print-card').addEventListener('click', () => window.print());

  call('GET', '/api/console/session').then((s) => show(true, s), () => show(false));
  setInterval(() => { if (csrf) refresh(); }, 5000);
})();
