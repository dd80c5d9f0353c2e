'use strict';
// Scenarios: plans side by side (cost, finish, AI share, per-episode budget and delivery, what changed),
// and the form that creates a scenario to solve from the Plan page, or edits one; producers also delete them.
(async () => {
  const { api, el, money, percent, showError, showMessage, hideMessage, hasRole } = shotplan;
  const show = await shotplan.currentShow();
  if (!show) { showMessage('No show in the database yet: import one first.'); return; }
  const base = '/api/shows/' + encodeURIComponent(show.code);
  const form = document.getElementById('scenario-form');
  const submit = form.querySelector('button[type=submit]');
  const cancel = document.getElementById('cancel-edit');
  const producer = hasRole('PRODUCER');
  const FIELDS = ['budgetPercent', 'maxAiShare', 'crewPercent', 'gpuCountPercent', 'deliveryShiftDays'];
  submit.disabled = true;
  const ticked = [];
  let editing = null;

  function edit(scenario) {
    editing = scenario;
    form.reset();
    if (scenario) {
      form.name.value = scenario.name;
      form.description.value = scenario.description || '';
      FIELDS.forEach(f => { form[f].value = scenario.changes[f] ?? ''; });
    }
    document.getElementById('scenario-form-title').textContent = scenario ? 'Edit scenario ' + scenario.name : 'New scenario';
    submit.textContent = scenario ? 'Save scenario' : 'Create scenario';
    cancel.hidden = !scenario;
    if (scenario) form.name.focus();
  }
  cancel.onclick = () => edit(null);

  async function remove(scenario) {
    if (!confirm('Delete scenario ' + scenario.name + '? Plans solved for it are kept, without a scenario.')) return;
    hideMessage();
    try {
      const deleted = await api(base + '/scenarios/' + encodeURIComponent(scenario.name), { method: 'DELETE' });
      showMessage('Deleted scenario ' + deleted.scenario + (deleted.plansKept.length
        ? '; plans ' + deleted.plansKept.map(v => 'v' + v).join(', ') + ' are kept without a scenario.' : '.'));
      if (editing && editing.id === scenario.id) edit(null);
      await Promise.all([loadPlans(), loadScenarios()]);
    } catch (e) { showError(e); }
  }

  async function loadPlans() {
    const plans = await api(base + '/plans');
    document.querySelector('#plans-table tbody').replaceChildren(...plans.map(p => {
      const box = el('input', { type: 'checkbox', 'aria-label': 'Compare plan v' + p.version, value: p.id });
      box.onchange = () => { const i = ticked.indexOf(p.id); if (box.checked && i < 0) ticked.push(p.id); if (!box.checked && i >= 0) ticked.splice(i, 1); };
      return el('tr', { 'data-plan': p.id }, el('td', {}, box), el('td', { text: 'v' + p.version + (p.baseline ? ' (baseline)' : '') }),
        el('td', { text: p.scenario || '—' }), el('td', { class: 'num', text: money(p.plannedCost, show.currency) }),
        el('td', { class: 'num', text: percent(p.aiShare) }), el('td', { text: p.finish || '—' }),
        el('td', {}, el('code', { text: p.score || '' })), el('td', { class: 'small muted', text: (p.createdBy || '') + ' ' + (p.createdAt || '').slice(0, 16).replace('T', ' ') }));
    }));
  }

  async function loadScenarios() {
    const scenarios = await api(base + '/scenarios');
    document.querySelector('#scenarios-table tbody').replaceChildren(...scenarios.map(s => el('tr', { 'data-scenario': s.name },
      el('td', { text: s.name }),
      el('td', { class: 'small', text: Object.entries(s.changes).filter(([, v]) => v != null).map(([k, v]) => k + ' ' + (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ') || 'none' }),
      el('td', { text: s.description || '' }), el('td', { class: 'small muted', text: (s.createdAt || '').slice(0, 16).replace('T', ' ') }),
      el('td', {}, producer ? [el('button', { type: 'button', text: 'Edit', onclick: () => edit(s) }), ' ',
        el('button', { type: 'button', class: 'danger', text: 'Delete', onclick: () => remove(s) })] : []))));
  }

  const delta = (value, reference, lowerIsBetter = true) => {
    const d = Number(value) - Number(reference);
    if (!d) return '';
    return el('span', { class: (d < 0) === lowerIsBetter ? 'good small' : 'bad small', text: ' (' + (d > 0 ? '+' : '') + money(d) + ')' });
  };

  document.getElementById('compare').onclick = async () => {
    hideMessage();
    if (ticked.length < 2) { showMessage('Tick at least two plans to compare.', true); return; }
    try {
      const [reference, ...others] = ticked;
      const comparisons = await Promise.all(others.map(id => api('/api/plans/compare?a=' + reference + '&b=' + id)));
      const plans = [comparisons[0].a, ...comparisons.map(c => c.b)];
      const episodes = [comparisons[0].episodesA, ...comparisons.map(c => c.episodesB)];
      const head = el('tr', {}, el('th', { text: '' }), ...plans.map(p => el('th', { text: 'v' + p.version + (p.scenario ? ' · ' + p.scenario : '') })));
      const rows = [
        ['Planned cost', plans.map((p, i) => [money(p.plannedCost, show.currency), i ? delta(p.plannedCost, plans[0].plannedCost) : ''])],
        ['AI share', plans.map(p => [percent(p.aiShare) + ' (' + p.aiShots + ' of ' + p.shots + ')'])],
        ['Finish', plans.map(p => [p.finish || '—'])],
        ['Feasible', plans.map(p => [p.feasible ? 'yes' : 'no'])],
        ...episodes[0].map((e, row) => [e.code + ' cost / budget', episodes.map(list => {
          const x = list[row];
          return [el('span', { class: x.overBudget ? 'bad' : '', text: money(x.plannedCost) + ' / ' + money(x.budget) })];
        })]),
        ...episodes[0].map((e, row) => [e.code + ' finish / delivery', episodes.map(list => {
          const x = list[row];
          return [el('span', { class: x.late ? 'bad' : '', text: (x.finish || '—') + ' / ' + x.deliveryDate })];
        })])];
      const table = document.getElementById('side-by-side');
      table.tHead.replaceChildren(head);
      table.tBodies[0].replaceChildren(...rows.map(([label, cells]) => el('tr', {}, el('th', { text: label }),
        ...cells.map(parts => el('td', { class: 'num' }, ...parts)))));
      document.getElementById('changes').replaceChildren(...comparisons.map(c => el('div', {},
        el('h2', { text: 'What changed from v' + c.a.version + ' to v' + c.b.version + ' (' + c.changes.length + ' shots)' }),
        c.changes.length ? el('table', { class: 'grid changes' },
          el('thead', {}, el('tr', {}, ...['Shot', 'Ep.', 'Mode', 'End', 'Cost'].map(h => el('th', { text: h })))),
          el('tbody', {}, ...c.changes.slice(0, 300).map(x => el('tr', {}, el('td', { text: x.shot }), el('td', { text: x.episode }),
            el('td', { text: (x.modeA || '—') + ' → ' + (x.modeB || '—') }),
            el('td', { text: (x.endA || '—') + ' → ' + (x.endB || '—') }),
            el('td', { class: 'num' }, money(x.costA) + ' → ' + money(x.costB), x.costA != null && x.costB != null ? delta(x.costB, x.costA) : '')))))
          : el('p', { class: 'muted', text: 'No shot changed.' }),
        c.changes.length > 300 ? el('p', { class: 'muted', text: '… and ' + (c.changes.length - 300) + ' more.' }) : '')));
      document.getElementById('comparison').hidden = false;
    } catch (e) { showError(e); }
  };

  form.onsubmit = async event => {
    event.preventDefault();
    hideMessage();
    const number = name => form[name].value === '' ? null : Number(form[name].value);
    // the form has no field for per-episode budgets: an edit keeps the scenario's own
    const changes = Object.fromEntries(FIELDS.map(f => [f, number(f)]));
    changes.episodeBudgets = editing ? editing.changes.episodeBudgets : null;
    const body = { name: form.name.value, description: form.description.value || null, changes };
    try {
      if (editing) {
        await api(base + '/scenarios/' + encodeURIComponent(editing.name), { method: 'PUT', json: body });
        showMessage('Scenario ' + body.name + ' saved: solve it again on the Plan page to see its effect.');
      } else {
        await api(base + '/scenarios', { method: 'POST', json: body });
        showMessage('Scenario created: solve it on the Plan page.');
      }
      edit(null);
      await Promise.all([loadPlans(), loadScenarios()]);
    } catch (e) { showError(e); }
  };

  document.getElementById('compare').disabled = false;
  submit.disabled = !producer;
  Promise.all([loadPlans(), loadScenarios()]).catch(showError);
})();
