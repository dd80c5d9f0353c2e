'use strict';
// Audit log (ADMIN, PRODUCER): every change with who and when, newest first.
(() => {
  const { api, el, showError } = shotplan;
  const form = document.getElementById('audit-filters');
  let page = 0;
  async function load() {
    const q = new URLSearchParams({ page, size: 50 });
    if (form.entity.value) q.set('entity', form.entity.value);
    if (form.actor.value) q.set('actor', form.actor.value);
    try {
      const result = await api('/api/audit?' + q);
      document.querySelector('#audit-table tbody').replaceChildren(...result.items.map(a => el('tr', {},
        el('td', { class: 'small', text: a.occurredAt.slice(0, 19).replace('T', ' ') }), el('td', { text: a.actor }),
        el('td', { text: a.action }), el('td', { text: a.entity + ' ' + (a.entityId || '') }), el('td', { class: 'reason', text: a.detail || '' }))));
      document.getElementById('page-info').textContent = 'page ' + (page + 1) + ' of ' + Math.max(1, result.totalPages);
      document.getElementById('prev').disabled = page === 0;
      document.getElementById('next').disabled = page + 1 >= result.totalPages;
    } catch (e) { showError(e); }
  }
  form.addEventListener('change', () => { page = 0; load(); });
  document.getElementById('prev').onclick = () => { page--; load(); };
  document.getElementById('next').onclick = () => { page++; load(); };
  shotplan.currentShow().catch(() => null);
  load();
})();
