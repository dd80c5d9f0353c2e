'use strict';
// Reports: the reporting module's per-episode figures, drawn with ECharts, and the download buttons.
(async () => {
  const { api, el, money, percent, showError, showMessage, hideMessage } = shotplan;
  const show = await shotplan.currentShow();
  if (!show) { showMessage('No show in the database yet: import one first.'); return; }
  const base = '/api/shows/' + encodeURIComponent(show.code);
  const form = document.getElementById('report-form');
  const charts = {};
  (await api(base + '/episodes')).forEach(e => form.episode.add(new Option(e.code + (e.title ? ' — ' + e.title : ''), e.code)));
  form.asOf.value = new Date().toISOString().slice(0, 10);
  document.getElementById('ms-project').href = base + '/ms-project.xml';
  const n = v => Number(v || 0);

  function chart(id, option) {
    if (!window.echarts) return;
    charts[id] = charts[id] || echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    charts[id].setOption(Object.assign({ animationDuration: 300 }, option), true);
  }

  function card(title, value, extra, cls) {
    return el('div', { class: 'card' }, el('h3', { text: title }), el('div', { class: 'big ' + (cls || ''), text: value }),
      extra ? el('div', { class: 'muted small', text: extra }) : '');
  }

  function query() {
    const q = new URLSearchParams();
    if (form.episode.value) q.set('episode', form.episode.value);
    if (form.asOf.value) q.set('asOf', form.asOf.value);
    return q;
  }

  async function load() {
    hideMessage();
    const q = query();
    document.querySelectorAll('#downloads a[data-format]').forEach(a => { a.href = base + '/report.' + a.dataset.format + '?' + q; });
    let report;
    try { report = await api(base + '/report?' + q); } catch (e) { showError(e); return; }
    const c = report.show.currency;
    const f = report.total.figures;
    document.getElementById('figures').replaceChildren(
      card('Budget', money(f.budget, c), 'contingency ' + money(f.contingency, c)),
      card('Planned', money(f.plannedCost, c), 'baseline ' + money(f.baselineCost, c)),
      card('Actual to date', money(f.actualCost, c), 'as of ' + report.show.asOf),
      card('Estimate at completion', money(f.eac, c), 'variance to budget ' + money(f.varianceToBudget, c), n(f.varianceToBudget) < 0 ? 'bad' : 'good'),
      card('AI share', percent(f.aiShareOfShots), f.aiShots + ' of ' + f.shots + ' shots; saves ' + money(f.savings, c)),
      card('Schedule', f.schedule.atRisk ? f.schedule.episodesAtRisk + ' at risk' : 'on time',
        'planned finish ' + (f.schedule.plannedFinish || '—'), f.schedule.atRisk ? 'bad' : 'good'));
    document.querySelector('#episodes-table tbody').replaceChildren(...report.episodes.map(e => {
      const x = e.breakdown.figures;
      return el('tr', { 'data-episode': e.code }, el('td', { text: e.code + (e.title ? ' — ' + e.title : '') }),
        el('td', { class: 'num', text: money(x.budget) }), el('td', { class: 'num', text: money(x.baselineCost) }),
        el('td', { class: 'num', text: money(x.plannedCost) }), el('td', { class: 'num', text: money(x.actualCost) }),
        el('td', { class: 'num', text: money(x.eac) }),
        el('td', { class: 'num ' + (n(x.varianceToBudget) < 0 ? 'bad' : 'good'), text: money(x.varianceToBudget) }),
        el('td', { class: 'num', text: percent(x.aiShareOfShots) }),
        el('td', { class: x.schedule.atRisk ? 'bad' : '', text: (x.schedule.plannedFinish || '—') + ' / ' + (x.schedule.deliveryDate || '—') }));
    }));
    const codes = report.episodes.map(e => e.code);
    const series = (name, key) => ({ name, type: 'bar', data: report.episodes.map(e => n(e.breakdown.figures[key])) });
    chart('chart-episodes', { tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 70, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: codes }, yAxis: { type: 'value' },
      series: [series('Budget', 'budget'), series('Baseline', 'baselineCost'), series('Planned', 'plannedCost'),
        series('Actual', 'actualCost'), series('EAC', 'eac')] });
    const weeks = [...new Set(report.episodes.flatMap(e => e.burn.map(b => b.weekStart)))].sort();
    const burn = key => weeks.map(w => report.episodes.reduce((sum, e) => sum + n((e.burn.find(b => b.weekStart === w) || {})[key]), 0));
    chart('chart-burn', { tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 70, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: weeks }, yAxis: { type: 'value' },
      series: [{ name: 'Baseline', type: 'line', data: burn('baseline') }, { name: 'Planned', type: 'line', data: burn('planned') },
        { name: 'Actual', type: 'line', data: burn('actual') }] });
    chart('chart-modes', { tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: report.total.modes.map(m => ({ name: m.mode + ' (' + m.shots + ')', value: n(m.plannedCost) })) }] });
    chart('chart-disciplines', { tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 110, right: 20, bottom: 30 },
      yAxis: { type: 'category', data: report.total.byDiscipline.map(l => l.label || l.key) }, xAxis: { type: 'value' },
      series: [{ name: 'Planned', type: 'bar', data: report.total.byDiscipline.map(l => n(l.plannedCost)) },
        { name: 'Actual', type: 'bar', data: report.total.byDiscipline.map(l => n(l.actualCost)) }] });
  }

  form.addEventListener('change', load);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  load();
})();
