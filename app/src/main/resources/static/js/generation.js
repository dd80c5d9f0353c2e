'use strict';
// Generation: dispatch a plan's AI shots, then follow the queue: jobs by state, frames, device seconds, cost, errors.
(async () => {
  const { api, el, money, showError, showMessage, hideMessage, hasRole } = shotplan;
  const show = await shotplan.currentShow();
  if (!show) { showMessage('No show in the database yet: import one first.'); return; }
  const base = '/api/shows/' + encodeURIComponent(show.code);
  const mayDispatch = hasRole('PRODUCER') || hasRole('SUPERVISOR');
  const planSelect = document.getElementById('plan-select');
  const plans = await api(base + '/plans');
  plans.forEach(p => planSelect.add(new Option('v' + p.version + (p.scenario ? ' · ' + p.scenario : '') + (p.baseline ? ' · baseline' : '')
    + ' · ' + p.aiShots + ' AI shots', p.id, false, p.baseline)));
  if (!plans.length) planSelect.add(new Option('no plan yet', ''));

  async function load() {
    let queue;
    try { queue = await api(base + '/generation'); } catch (e) { showError(e); return; }
    const t = queue.totals;
    document.getElementById('totals').replaceChildren(...[
      ['Jobs', t.jobs, Object.entries(t.byState).filter(([, v]) => v).map(([k, v]) => k.toLowerCase() + ' ' + v).join(', ')],
      ['Frames done', t.framesDone + ' / ' + t.frames, ''],
      ['Device seconds', Number(t.deviceSeconds).toFixed(1), ''],
      ['Generation cost', money(t.cost, show.currency), 'from the cost ledger']]
      .map(([title, value, extra]) => el('div', { class: 'card' }, el('h3', { text: title }), el('div', { class: 'big', text: value }),
        el('div', { class: 'muted small', text: extra }))));
    document.querySelector('#queue-table tbody').replaceChildren(...queue.shots.map(s => el('tr', { 'data-shot': s.shot },
      el('td', { text: s.shot }), el('td', { text: s.episode }), el('td', { text: s.capability }),
      el('td', {}, ...Object.entries(s.jobsByState).filter(([, v]) => v).map(([k, v]) => el('span', { class: 'badge ' + k, text: k + ' ' + v })), ' '),
      el('td', {}, el('div', { class: 'progress' }, el('span', { style: 'width:' + (s.frames ? s.framesDone / s.frames * 100 : 0) + '%' })),
        el('div', { class: 'small muted', text: s.framesDone + ' / ' + s.frames + ' frames' })),
      el('td', { class: 'num', text: Number(s.deviceSeconds).toFixed(1) }),
      el('td', { class: 'num', text: money(s.cost) }),
      el('td', { class: 'reason bad', text: s.lastError || '' }))));
    if (queue.shotsShown < queue.shotsTotal) {
      document.querySelector('#queue-table tbody').append(el('tr', {}, el('td', { colspan: 8, class: 'muted',
        text: '… and ' + (queue.shotsTotal - queue.shotsShown) + ' more shots (running, failed and queued shots are listed first).' })));
    }
    if (!queue.shots.length) {
      document.querySelector('#queue-table tbody').append(el('tr', {}, el('td', { colspan: 8, class: 'muted', text: 'Nothing dispatched yet.' })));
    }
  }

  async function act(path, what) {
    hideMessage();
    try { const r = await api(path, { method: 'POST' }); showMessage(what(r)); } catch (e) { showError(e); }
    load();
  }
  function dispatched(r) {
    const reasons = {};
    r.skipped.forEach(line => { const why = line.slice(line.indexOf(': ') + 2); reasons[why] = (reasons[why] || 0) + 1; });
    const skipped = Object.entries(reasons).map(([why, count]) => count + ' × ' + why).join('; ');
    return 'Dispatched: ' + r.jobsCreated + ' new jobs for ' + r.shots + ' AI shots'
      + (r.jobsExisting ? ', ' + r.jobsExisting + ' already queued or rendered (not rendered or billed again)' : '')
      + (r.jobsResumed ? ', ' + r.jobsResumed + ' cancelled or failed jobs resumed' : '') + '.'
      + (r.skipped.length ? ' Not dispatched: ' + r.skipped.length + ' shots (' + skipped + ').' : '');
  }
  // a dispatch runs in the background: follow it until it is done
  async function dispatch() {
    hideMessage();
    try {
      let run = await api('/api/plans/' + planSelect.value + '/dispatch', { method: 'POST' });
      while (run.state === 'RUNNING') {
        showMessage('Dispatching: plates ready for ' + run.shotsReady + ' of ' + run.shots + ' AI shots…');
        await new Promise(resolve => setTimeout(resolve, 500));
        run = await api('/api/dispatches/' + run.id);
      }
      if (run.state === 'FAILED') throw new Error(run.error);
      showMessage(dispatched(run.result));
    } catch (e) { showError(e); }
    load();
  }
  document.getElementById('dispatch').onclick = () => planSelect.value && dispatch();
  document.getElementById('pause').onclick = () => act(base + '/generation/pause', r => r.jobs + ' jobs paused.');
  document.getElementById('resume').onclick = () => act(base + '/generation/resume', r => r.jobs + ' jobs resumed.');
  document.getElementById('cancel').onclick = () => confirm('Cancel every queued and paused job of ' + show.code + '?')
    && act(base + '/generation/cancel', r => r.jobs + ' jobs cancelled.');
  ['dispatch', 'pause', 'resume', 'cancel'].forEach(id => { document.getElementById(id).disabled = !mayDispatch; });
  load();
  setInterval(load, 2000);
})();
