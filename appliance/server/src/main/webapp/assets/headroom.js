// Headroom's minimal page: no framework, nothing loaded from elsewhere. The session token lives
// in this tab's sessionStorage only and is sent as a bearer token; images are fetched with it
// and shown from blob: URLs.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const api = 'api/sessions';
  let session = JSON.parse(sessionStorage.getItem('headroom.session') || 'null');
  const photoRows = new Map();

  function auth() {
    return { Authorization: 'Bearer ' + session.token };
  }

  function fail(problem) {
    $('error').textContent = problem && problem.detail ? problem.detail : 'Something went wrong. Please try again.';
  }

  async function call(path, options) {
    $('error').textContent = '';
    const response = await fetch(path, options);
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not JSON */ }
      fail(problem);
      throw new Error('request failed');
    }
    return response;
  }

  let countdown = null;

  /** "in 23 h 12 min": the time left, down to the minute (seconds in the last minute). */
  function timeLeft(ms) {
    if (ms <= 0) { return 'now'; }
    const minutes = Math.floor(ms / 60000);
    if (minutes < 1) { return 'in ' + Math.ceil(ms / 1000) + ' s'; }
    const h = Math.floor(minutes / 60);
    return 'in ' + (h > 0 ? h + ' h ' : '') + (minutes % 60) + ' min';
  }

  function receiptLink(receiptId) {
    const a = document.createElement('a');
    a.href = 'api/receipts/' + encodeURIComponent(receiptId);
    a.textContent = 'deletion receipt';
    return a;
  }

  function showSession() {
    $('start').hidden = true;
    $('session').hidden = false;
    const end = new Date(session.deletesAt);
    const tick = () => {
      $('deadline').textContent = 'Everything will be deleted ' + timeLeft(end - Date.now()) + ' (' + end.toLocaleString() + '). ';
      $('deadline').append('Afterwards your signed ', receiptLink(session.receiptId), ' proves it: keep this link.');
    };
    tick();
    clearInterval(countdown);
    countdown = setInterval(tick, 1000);
    if (!$('style-list').hasChildNodes()) { showStyles(); }
  }

  $('consent').addEventListener('change', () => { $('open').disabled = !$('consent').checked; });

  $('open').addEventListener('click', async () => {
    const r = await call(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consent: true }) });
    session = await r.json();
    sessionStorage.setItem('headroom.session', JSON.stringify(session));
    showSession();
  });

  function addPhotoRow(photo) {
    const row = document.createElement('tr');
    const cells = [photo.id.slice(0, 8), photo.width + '×' + photo.height,
      photo.removedMetadata.length ? photo.removedMetadata.join(', ') : 'nothing', 'not checked yet'];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      row.appendChild(td);
    }
    $('photos').querySelector('tbody').appendChild(row);
    photoRows.set(photo.id, row);
    $('create').disabled = false;
  }

  $('upload').addEventListener('click', async () => {
    const files = $('files').files;
    if (!files.length) { return; }
    const form = new FormData();
    for (const f of files) { form.append('photo', f); }
    $('status').textContent = 'Uploading and cleaning…';
    const r = await call(api + '/' + session.id + '/photos', { method: 'POST', headers: auth(), body: form })
      .finally(() => { $('status').textContent = ''; });
    (await r.json()).forEach(addPhotoRow);
    $('files').value = '';
  });

  async function follow(jobId) {
    // EventSource cannot send the token, so the stream is read through fetch.
    const r = await call(api + '/' + session.id + '/jobs/' + jobId + '/events', { headers: Object.assign({ Accept: 'text/event-stream' }, auth()) });
    const reader = r.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let state = 'queued';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('');
        if (data) {
          const p = JSON.parse(data);
          state = p.state;
          $('progress').value = p.progress;
          $('status').textContent = p.state === 'running' ? 'Working… ' + p.progress + '%' : '';
        }
      }
    }
    return state;
  }

  async function showVerdicts(jobId) {
    const job = await (await call(api + '/' + session.id + '/jobs/' + jobId, { headers: auth() })).json();
    for (const p of job.photos) {
      const row = photoRows.get(p.id);
      if (row) {
        row.lastChild.textContent = p.verdict === 'usable'
          ? (p.selected ? 'used' : 'fine') : p.reasons.map((r) => r.message).join(' ');
      }
    }
    if (job.state === 'failed') {
      $('status').textContent = job.problem === 'no-usable-photo'
        ? 'None of the photos can be used; see the verdicts above and try others.' : 'The job failed; please try again.';
    }
    return job;
  }

  // The style picker: every style on offer, with its preview; the built-in one is chosen at first.
  async function showStyles() {
    const styles = await (await call('/api/styles', {})).json();
    const list = $('style-list');
    list.replaceChildren();
    styles.forEach((st, i) => {
      const label = document.createElement('label');
      label.className = 'style';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = st.id;
      box.checked = i === 0;
      box.addEventListener('change', () => { $('create').disabled = chosenStyles().length === 0 || chosenStyles().length > 6; });
      const img = document.createElement('img');
      img.src = st.preview;
      img.alt = '';
      const name = document.createElement('strong');
      name.textContent = st.name;
      const text = document.createElement('span');
      text.textContent = st.description;
      label.append(box, img, name, text);
      list.appendChild(label);
    });
  }

  function chosenStyles() {
    return Array.from($('style-list').querySelectorAll('input:checked')).map((b) => b.value);
  }

  async function showGallery() {
    const list = await (await call(api + '/' + session.id + '/headshots', { headers: auth() })).json();
    $('gallery').replaceChildren();
    for (const h of list) {
      const blob = await (await call(api + '/' + session.id + '/headshots/' + h.id, { headers: auth() })).blob();
      const img = document.createElement('img');
      img.src = URL.createObjectURL(blob);
      img.alt = 'Headshot ' + h.style + ' ' + h.aspect;
      img.title = h.style + ', ' + h.aspect + (h.padded.length ? ' (extended at the ' + h.padded.join(', ') + ')' : '');
      $('gallery').appendChild(img);
    }
    $('zip').disabled = list.length === 0;
  }

  $('create').addEventListener('click', async () => {
    $('create').disabled = true;
    $('progress').hidden = false;
    $('progress').value = 0;
    try {
      const r = await call(api + '/' + session.id + '/jobs', { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth()), body: JSON.stringify({ styles: chosenStyles() }) });
      const job = await r.json();
      await follow(job.id);
      const done = await showVerdicts(job.id);
      if (done.state === 'done') {
        $('status').textContent = 'Done.';
        await showGallery();
      }
    } finally {
      $('create').disabled = false;
    }
  });

  $('zip').addEventListener('click', async () => {
    const blob = await (await call(api + '/' + session.id + '/headshots.zip', { headers: auth() })).blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'headshots.zip';
    a.click();
  });

  $('sooner').addEventListener('click', async () => {
    const r = await call(api + '/' + session.id + '/deadline',
      { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth()), body: JSON.stringify({ in: 'PT1H' }) });
    session.deletesAt = (await r.json()).deletesAt;
    sessionStorage.setItem('headroom.session', JSON.stringify(session));
    showSession();
  });

  $('delete').addEventListener('click', async () => {
    await call(api + '/' + session.id, { method: 'DELETE', headers: auth() });
    sessionStorage.removeItem('headroom.session');
    const receiptId = session.receiptId;
    session = null;
    clearInterval(countdown);
    $('session').hidden = true;
    $('start').hidden = false;
    $('photos').querySelector('tbody').replaceChildren();
    $('gallery').replaceChildren();
    $('status').textContent = '';
    $('error').textContent = 'Everything of your session has been deleted. Your signed ';
    $('error').append(receiptLink(receiptId), ' says so.');
  });

  if (session) { showSession(); }
}());
