'use strict';
// Plan: solve with live progress (server-sent events), then the plan's budget gauges, timeline and reasons.
(async () => {
  const { api, el, badge, money, percent, showError, showMessage, hideMessage, hasRole } = shotplan;
  const show = await shotplan.currentShow();
  if (!show) { showMessage('No show in the database yet: import one first.'); return; }
  const producer = hasRole('PRODUCER');
  const base = '/api/shows/' + encodeURIComponent(show.code);
  const planSelect = document.getElementById('plan-select');
  const solveButton = document.getElementById('solve');
  const stopButton = document.getElementById('stop');
  const baselineButton = document.getElementById('baseline');
  let gaugeCharts = [];

  const scenarios = await api(base + '/scenarios').catch(() => []);
  scenarios.forEach(s => document.getElementById('scenario-select').add(new Option(s.name, s.name)));

  async function loadPlans(select) {
    const plans = await api(base + '/plans');
    planSelect.replaceChildren(...plans.map(p => new Option('v' + p.version + (p.scenario ? ' · ' + p.scenario : '')
      + (p.baseline ? ' · baseline' : '') + ' · ' + money(p.plannedCost, show.currency), p.id)));
    if (!plans.length) { planSelect.add(new Option('no plan yet', '')); document.getElementById('plan-body').hidden = true; return; }
    const wanted = select || new URLSearchParams(location.search).get('plan');
    planSelect.value = plans.some(p => String(p.id) === String(wanted)) ? wanted : plans[0].id;
    await showPlan(planSelect.value);
  }

  function card(title, value, extra, cls) {
    return el('div', { class: 'card' }, el('h3', { text: title }), el('div', { class: 'big ' + (cls || ''), text: value }),
      extra ? el('div', { class: 'muted small', text: extra }) : '');
  }

  const episodeSelect = document.getElementById('plan-episode');
  const ITEMS_PER_PAGE = 100;
  let itemsPage = 0;
  let lastEpisodes = [];

  async function showPlan(id) {
    if (!id) return;
    const detail = await api('/api/plans/' + id + '/summary');
    const s = detail.summary;
    document.getElementById('plan-body').hidden = false;
    baselineButton.disabled = !producer || s.baseline || !s.feasible;
    baselineButton.textContent = s.baseline ? 'Baseline (locked)' : 'Lock as baseline';
    const budget = detail.episodes.reduce((sum, e) => sum + Number(e.budget), 0);
    document.getElementById('summary-cards').replaceChildren(
      card('Planned cost', money(s.plannedCost, show.currency), 'of ' + money(budget, show.currency) + ' budget',
        Number(s.plannedCost) > budget ? 'bad' : 'good'),
      card('All traditional', money(s.traditionalCost, show.currency), 'saving ' + money(Number(s.traditionalCost) - Number(s.plannedCost), show.currency)),
      card('AI share', percent(s.aiShare), s.aiShots + ' of ' + s.shots + ' shots'),
      card('Finish', s.finish || '—', detail.episodes.filter(e => e.late).length + ' episode(s) late',
        detail.episodes.some(e => e.late) ? 'bad' : 'good'),
      card('Score', s.feasible ? 'feasible' : 'infeasible', s.score || '', s.feasible ? 'good' : 'bad'));
    drawGauges(detail.episodes);
    showFixes(id, s, detail.episodes);
    await showQuality(id, s, detail.episodes);
    const chosen = episodeSelect.value;
    episodeSelect.replaceChildren(new Option('all', ''), ...detail.episodes.map(e => new Option(e.code, e.code)));
    // a big show's timeline is drawn an episode at a time
    episodeSelect.value = detail.episodes.some(e => e.code === chosen) ? chosen
      : (s.shots > 2000 && detail.episodes.length ? detail.episodes[0].code : '');
    itemsPage = 0;
    await showEpisode(detail.episodes);
  }

  // how good the plan is: its gap to what no plan can beat, and the spreadsheet's rules of thumb beside it
  async function showQuality(id, s, episodes) {
    const q = await api('/api/plans/' + id + '/quality');
    const target = document.getElementById('quality');
    if (q.costLowerBound == null) {
      target.replaceChildren(el('p', { class: 'muted', text: 'Solved before plans carried their bound: solve again to see it.' }));
      return;
    }
    const late = episodes.filter(e => e.late);
    const row = (cells, cls) => el('tr', cls ? { class: cls } : {}, ...cells.map(c => el('td', { text: String(c) })));
    const table = el('table', { class: 'grid', id: 'baselines-table' },
      el('thead', {}, el('tr', {}, ...['Plan', 'Cost', 'Late episodes', 'Days late', 'Over budget', 'AI shots']
        .map(h => el('th', { text: h })))),
      el('tbody', {}, row(['this plan', money(s.plannedCost, show.currency), late.length, '', '', s.aiShots], 'strong'),
        ...q.baselines.map(b => row([b.name, money(b.totalCost, show.currency), b.lateEpisodes, b.daysLate,
          money(b.overBudget, show.currency), b.aiShots]))));
    target.replaceChildren(
      el('div', { class: 'cards' }, card('Gap to the best possible cost', q.costGapPercent + ' %',
        'no plan within the policy that does as well on budgets and deliveries costs less than ' + money(q.costLowerBound, show.currency))),
      table,
      ...q.unavoidable.map(line => el('p', { class: 'alert', text: line })));
  }

  // what would fix a plan that misses a budget or a delivery: asked for by a producer, re-solved on the server
  const fixesSection = document.getElementById('fixes');
  const findFixes = document.getElementById('find-fixes');
  function showFixes(id, s, episodes) {
    fixesSection.hidden = s.feasible && !episodes.some(e => e.late || e.overBudget);
    document.getElementById('misses-table').hidden = true;
    document.getElementById('fixes-list').replaceChildren();
    document.getElementById('fixes-progress').textContent = producer ? '' : 'A producer can ask what would fix it.';
    findFixes.hidden = !producer;
    findFixes.disabled = false;
    findFixes.onclick = () => askForFixes(id).catch(e => { findFixes.disabled = false; showError(e); });
  }
  async function askForFixes(id) {
    findFixes.disabled = true;
    const seconds = Number(document.getElementById('seconds').value) || 10;
    let run = await api('/api/plans/' + id + '/fixes', { method: 'POST', json: { seconds } });
    drawFixes(run);
    while (run.state === 'RUNNING' && planSelect.value === String(id)) {
      await new Promise(resolve => setTimeout(resolve, 1000));
      run = await api('/api/fixes/' + run.id);
      drawFixes(run);
    }
  }
  function drawFixes(run) {
    const misses = document.getElementById('misses-table');
    misses.hidden = !run.misses.length;
    misses.querySelector('tbody').replaceChildren(...run.misses.map(m => el('tr', { 'data-episode': m.episode },
      el('td', { text: m.episode }), el('td', { class: 'num', text: money(m.cost) }), el('td', { class: 'num', text: money(m.budget) }),
      el('td', { class: 'num ' + (Number(m.overBudgetBy) > 0 ? 'bad' : ''), text: money(m.overBudgetBy) }),
      el('td', { text: m.finish || '—' }), el('td', { text: m.delivery || '—' }),
      el('td', { class: 'num ' + (m.daysLate > 0 ? 'bad' : ''), text: String(m.daysLate) }))));
    document.getElementById('fixes-progress').textContent =
      run.state === 'RUNNING' ? 'Re-solving with more ' + (run.resolving || run.relaxations[run.fixes.length]) + ': '
        + run.fixes.length + ' of ' + run.relaxations.length + ' re-solves done (' + run.secondsPerResolve + ' s each)…'
      : run.state === 'FAILED' ? 'Finding the fixes failed: ' + run.error
      : run.relaxations.length ? 'Each fix is proven by its relaxed re-solve.' : 'This plan meets every budget and delivery.';
    document.getElementById('fixes-list').replaceChildren(...run.fixes.map(f => el('li', { 'data-limit': f.limit },
      el('strong', { text: f.description }), f.fixesEverything ? el('span', { class: 'good', text: ' — meets every budget and delivery' }) : '',
      el('div', { class: 'small muted', text: 'relaxed plan: ' + money(f.relaxedCost, show.currency) + '; '
        + f.relaxedEpisodes.map(e => e.code + ' ' + money(e.cost) + ' of ' + money(e.budget) + ', finish ' + e.finish
          + (e.slackDays < 0 ? ' (' + (-e.slackDays) + ' days late)' : '')).join('; ') }))));
  }

  async function showEpisode(episodes) {
    const id = planSelect.value;
    const episode = episodeSelect.value;
    const q = episode ? '?episode=' + encodeURIComponent(episode) : '';
    const timeline = await api('/api/plans/' + id + '/timeline' + q);
    gantt.draw(document.getElementById('gantt'), timeline, (episodes || lastEpisodes)
      .filter(e => !episode || e.code === episode).map(e => ({ date: e.deliveryDate, label: e.code + ' delivery' })));
    if (episodes) lastEpisodes = episodes;
    await showItems();
  }
  async function showItems() {
    const q = new URLSearchParams({ page: itemsPage, size: ITEMS_PER_PAGE });
    if (episodeSelect.value) q.set('episode', episodeSelect.value);
    const items = await api('/api/plans/' + planSelect.value + '/items?' + q);
    document.querySelector('#items-table tbody').replaceChildren(...items.items.map(i => el('tr', { 'data-shot': i.shot },
      el('td', { text: i.shot }), el('td', { text: i.episode }), el('td', { text: i.workType }),
      el('td', {}, badge(i.mode), i.capability ? el('div', { class: 'small muted', text: i.capability }) : ''),
      el('td', { text: i.start }), el('td', { text: i.end }),
      el('td', { class: 'num', text: money(i.plannedCost) }), el('td', { class: 'num', text: money(i.traditionalCost) }),
      el('td', { class: 'reason', text: i.reason || '' }))));
    const from = items.total ? items.page * items.size + 1 : 0;
    document.getElementById('items-info').textContent = 'shots ' + from + '–' + (items.page * items.size + items.items.length) + ' of ' + items.total;
    document.getElementById('items-prev').disabled = items.page === 0;
    document.getElementById('items-next').disabled = items.page + 1 >= items.totalPages;
  }

  episodeSelect.onchange = () => { itemsPage = 0; showEpisode().catch(showError); };
  document.getElementById('items-prev').onclick = () => { itemsPage--; showItems().catch(showError); };
  document.getElementById('items-next').onclick = () => { itemsPage++; showItems().catch(showError); };

  function drawGauges(episodes) {
    gaugeCharts.forEach(c => c.dispose());
    const holder = document.getElementById('gauges');
    holder.replaceChildren();
    gaugeCharts = episodes.map(e => {
      const used = Number(e.budget) === 0 ? 0 : Number(e.plannedCost) / Number(e.budget) * 100;
      const box = el('div', { class: 'gauge' });
      holder.append(el('div', { class: 'card', 'data-episode': e.code }, el('h3', { text: e.code + (e.title ? ' — ' + e.title : '') }), box,
        el('div', { class: 'small ' + (e.overBudget ? 'bad' : 'muted'),
          text: money(e.plannedCost, show.currency) + ' of ' + money(e.budget, show.currency) }),
        el('div', { class: 'small ' + (e.late ? 'bad' : 'muted'), text: 'finish ' + (e.finish || '—') + ' · delivery ' + e.deliveryDate }),
        producer ? el('button', { type: 'button', class: 'link-button small', 'data-budget': e.code, text: 'Set budget…', onclick: () => setBudget(e) }) : ''));
      if (!window.echarts) { box.textContent = used.toFixed(0) + '% of budget'; return { dispose() {} }; }
      const chart = echarts.init(box, null, { renderer: 'svg' });
      chart.setOption({ animation: false, series: [{ type: 'gauge', min: 0, max: 150, radius: '95%', center: ['50%', '60%'],
        startAngle: 200, endAngle: -20, progress: { show: true, width: 12 },
        axisLine: { lineStyle: { width: 12, color: [[100 / 150, '#1f8a70'], [1, '#c62828']] } },
        axisTick: { show: false }, splitLine: { length: 6 }, axisLabel: { distance: 14, fontSize: 9 },
        pointer: { width: 4 }, detail: { formatter: '{value}%', fontSize: 16, offsetCenter: [0, '35%'] },
        data: [{ value: Math.round(used) }] }] });
      return chart;
    });
  }

  async function setBudget(episode) {
    const value = prompt('Budget of ' + episode.code + ' in ' + show.currency + ' (the show as it is; scenarios scale it)', Number(episode.budget));
    if (value == null || value.trim() === '') return;
    hideMessage();
    try {
      await api(base + '/episodes/' + encodeURIComponent(episode.code) + '/budget', { method: 'PUT', json: { budget: Number(value) } });
      showMessage('Budget of ' + episode.code + ' set to ' + money(value, show.currency) + ' (recorded in the audit log; solve again to plan with it).');
      await showPlan(planSelect.value);
    } catch (e) { showError(e); }
  }

  planSelect.onchange = () => showPlan(planSelect.value).catch(showError);

  baselineButton.onclick = async () => {
    hideMessage();
    try { await api('/api/plans/' + planSelect.value + '/baseline', { method: 'POST' });
      showMessage('Plan locked as the baseline.'); await loadPlans(planSelect.value); } catch (e) { showError(e); }
  };

  solveButton.onclick = async () => {
    hideMessage();
    const seconds = Number(document.getElementById('seconds').value);
    const scenario = document.getElementById('scenario-select').value || null;
    let solve;
    try { solve = await api(base + '/plans', { method: 'POST', json: { scenario, seconds } }); } catch (e) { showError(e); return; }
    solveButton.disabled = true; stopButton.hidden = false;
    const panel = document.getElementById('solve-progress');
    panel.hidden = false;
    document.getElementById('solve-state').textContent = 'Solving…';
    const events = new EventSource('/api/solves/' + solve.id + '/events');
    const progress = data => {
      document.getElementById('best-score').textContent = data.bestScore || (data.state === 'SOLVING' ? 'searching…' : '—');
      document.getElementById('solve-time').textContent = (data.elapsedMillis / 1000).toFixed(1) + ' s';
      const left = Math.max(0, data.limitMillis - data.elapsedMillis);
      document.getElementById('solve-left').textContent = 'about ' + (left / 1000).toFixed(0) + ' s left';
      document.getElementById('solve-bar').style.width = Math.min(100, data.elapsedMillis / data.limitMillis * 100) + '%';
    };
    events.addEventListener('progress', e => progress(JSON.parse(e.data)));
    events.addEventListener('done', async e => {
      const data = JSON.parse(e.data);
      events.close(); progress(data);
      document.getElementById('solve-state').textContent = data.stoppedEarly ? 'Stopped early — plan saved' : 'Solved — plan saved';
      document.getElementById('solve-bar').style.width = '100%';
      document.getElementById('solve-left').textContent = '';
      solveButton.disabled = false; stopButton.hidden = true;
      await loadPlans(data.planId);
    });
    events.addEventListener('failed', e => {
      events.close(); solveButton.disabled = false; stopButton.hidden = true;
      document.getElementById('solve-state').textContent = 'Failed';
      showMessage('Solving failed: ' + JSON.parse(e.data).error, true);
    });
    stopButton.onclick = () => api('/api/solves/' + solve.id + '/stop', { method: 'POST' }).catch(showError);
  };

  solveButton.disabled = !producer;
  loadPlans().catch(showError);
})();
