'use strict';
// Shots: the filtered, paged shot list; supervisors pin modes, mark human-only and record consent in place.
(async () => {
  const { api, el, badge, money, showError, showMessage, hideMessage, hasRole } = shotplan;
  const show = await shotplan.currentShow();
  if (!show) { showMessage('No show in the database yet: import one first.'); return; }
  const supervisor = hasRole('SUPERVISOR');
  const form = document.getElementById('shot-filters');
  const tbody = document.querySelector('#shots-table tbody');
  const base = '/api/shows/' + encodeURIComponent(show.code);
  const size = 25;
  let page = 0;
  let latest = 0;

  const [episodes, workTypes, capabilities] = await Promise.all([
    api(base + '/episodes'), api(base + '/work-types'), api(base + '/capabilities')]);
  episodes.forEach(e => form.episode.add(new Option(e.code + (e.title ? ' — ' + e.title : ''), e.code)));
  workTypes.forEach(w => form.workType.add(new Option(w, w)));
  const params = new URLSearchParams(location.search);
  ['episode', 'workType', 'mode', 'status'].forEach(name => { if (params.get(name)) form[name].value = params.get(name); });

  async function change(shot, what, body) {
    hideMessage();
    try {
      await api(base + '/shots/' + encodeURIComponent(shot.code) + '/' + what, { method: 'PUT', json: body });
      showMessage('Saved ' + shot.code + ' (recorded in the audit log).');
    } catch (e) { showError(e); }
    await load();
  }

  function pinControl(shot) {
    const select = el('select', { 'aria-label': 'Pin ' + shot.code, disabled: !supervisor, 'data-shot': shot.code, class: 'pin' });
    select.add(new Option('planner decides', ''));
    select.add(new Option('TRADITIONAL', 'TRADITIONAL'));
    capabilities.filter(c => c.workType === shot.workType)
      .forEach(c => select.add(new Option(c.code + (c.vendor ? ' (' + c.vendor + ')' : ''), c.code)));
    select.value = shot.pinnedMode || '';
    select.onchange = () => change(shot, 'pin', { mode: select.value || null });
    return select;
  }

  function checkbox(shot, field, what, label) {
    const box = el('input', { type: 'checkbox', 'aria-label': label + ' ' + shot.code, disabled: !supervisor, class: what });
    box.checked = shot[field];
    box.onchange = () => change(shot, what, { [field]: box.checked });
    return box;
  }

  // What the supervisor set by hand; the rest of the shot's estimate comes from the bid template and capabilities.
  function handBid(bid) {
    const mode = bid.mode.toLowerCase();
    if (bid.artistDays != null) return mode + ' ' + bid.discipline + ' ' + bid.artistDays + ' artist-days';
    if (bid.gpuHours != null) return mode + ' ' + bid.gpuHours + ' GPU-hours';
    return mode + ' vendor quote ' + money(bid.vendorCost) + ' ' + bid.vendorCurrency;
  }

  async function load() {
    const query = new URLSearchParams({ page, size });
    ['episode', 'workType', 'mode', 'status'].forEach(name => { if (form[name].value) query.set(name, form[name].value); });
    const mine = ++latest;
    try {
      const result = await api(base + '/shots?' + query);
      if (mine !== latest) return; // a newer filter's answer is on its way
      tbody.replaceChildren(...result.items.map(s => el('tr', { 'data-shot': s.code },
        el('td', {}, el('strong', { text: s.code }), el('div', { class: 'muted small', text: s.description || '' }),
          s.handBids.length ? el('div', { class: 'small hand-bids', text: 'hand bid: ' + s.handBids.map(handBid).join('; ') }) : ''),
        el('td', { text: s.episode }),
        el('td', { text: s.workType }),
        el('td', { class: 'num', text: s.complexity }),
        el('td', { class: 'num', text: s.frameCount }),
        el('td', { text: s.status }),
        el('td', {}, s.plannedMode ? badge(s.plannedMode) : el('span', { class: 'muted', text: 'not planned' }),
          s.capability ? el('div', { class: 'small muted', text: s.capability }) : ''),
        el('td', { class: 'num', text: money(s.plannedCost) }),
        el('td', { class: 'reason', text: s.reason || '' }),
        el('td', {}, pinControl(s)),
        el('td', {}, checkbox(s, 'humanOnly', 'human-only', 'Human only')),
        el('td', {}, s.performerLikeness ? checkbox(s, 'consentOnFile', 'consent', 'Consent on file')
          : el('span', { class: 'muted small', text: 'n/a' })))));
      document.getElementById('shot-count').textContent = result.total + ' shots';
      document.getElementById('page-info').textContent = 'page ' + (result.page + 1) + ' of ' + Math.max(1, result.totalPages);
      document.getElementById('prev').disabled = result.page === 0;
      document.getElementById('next').disabled = result.page + 1 >= result.totalPages;
    } catch (e) { showError(e); }
  }

  form.addEventListener('change', () => { page = 0; load(); });
  document.getElementById('prev').onclick = () => { page--; load(); };
  document.getElementById('next').onclick = () => { page++; load(); };
  load();
})();
