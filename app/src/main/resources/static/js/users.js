'use strict';
// Users (ADMIN): roles as checkboxes, enable/disable, reset password, delete, create.
(() => {
  const { api, el, showError, showMessage, hideMessage } = shotplan;
  const ROLES = ['PRODUCER', 'SUPERVISOR', 'FINANCE', 'ADMIN'];
  const form = document.getElementById('user-form');

  async function save(user, roles, enabled) {
    hideMessage();
    try { await api('/api/users/' + encodeURIComponent(user.username), { method: 'PUT', json: { roles, enabled } });
      showMessage('Saved ' + user.username + '.'); } catch (e) { showError(e); }
    load();
  }

  async function load() {
    const users = await api('/api/users');
    document.querySelector('#users-table tbody').replaceChildren(...users.map(u => {
      const boxes = ROLES.map(r => { const b = el('input', { type: 'checkbox', 'aria-label': r + ' ' + u.username }); b.checked = u.roles.includes(r); return b; });
      const enabled = el('input', { type: 'checkbox', 'aria-label': 'enabled ' + u.username }); enabled.checked = u.enabled;
      const changed = () => save(u, ROLES.filter((r, i) => boxes[i].checked), enabled.checked);
      boxes.forEach(b => { b.onchange = changed; }); enabled.onchange = changed;
      return el('tr', { 'data-user': u.username }, el('td', { text: u.username }), ...boxes.map(b => el('td', {}, b)), el('td', {}, enabled),
        el('td', { class: 'small muted', text: (u.createdAt || '').slice(0, 16).replace('T', ' ') }),
        el('td', {}, el('button', { type: 'button', text: 'Set password', onclick: async () => {
          const password = prompt('New password for ' + u.username + ' (10+ characters)');
          if (!password) return;
          try { await api('/api/users/' + encodeURIComponent(u.username) + '/password', { method: 'PUT', json: { password } });
            showMessage('Password changed for ' + u.username + '.'); } catch (e) { showError(e); }
        } }), ' ', el('button', { type: 'button', class: 'danger', text: 'Delete', onclick: async () => {
          if (!confirm('Delete ' + u.username + '?')) return;
          try { await api('/api/users/' + encodeURIComponent(u.username), { method: 'DELETE' }); showMessage('Deleted ' + u.username + '.'); }
          catch (e) { showError(e); }
          load();
        } })));
    }));
  }

  form.onsubmit = async event => {
    event.preventDefault();
    hideMessage();
    const roles = [...form.querySelectorAll('input[name=roles]:checked')].map(b => b.value);
    try { await api('/api/users', { method: 'POST', json: { username: form.username.value, password: form.password.value, roles } });
      showMessage('Created ' + form.username.value + '.'); form.reset(); load(); } catch (e) { showError(e); }
  };
  shotplan.currentShow().catch(() => null);
  load().catch(showError);
})();
