// shotplan: the small shared layer under every page — API calls with the CSRF token, problem details shown
// to people, the show picker, formatting.
'use strict';

const shotplan = (() => {
  const csrfToken = () => document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = () => document.querySelector('meta[name="_csrf_header"]')?.content || 'X-CSRF-TOKEN';

  class ApiError extends Error {
    constructor(problem) {
      super(problem.detail || problem.title || 'Request failed');
      this.problem = problem;
    }
  }

  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    const init = Object.assign({}, options, { headers, credentials: 'same-origin' });
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    }
    if (init.method && init.method !== 'GET' && csrfToken()) headers[csrfHeader()] = csrfToken();
    const response = await fetch(path, init);
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      throw new ApiError(typeof body === 'object' ? body : { status: response.status, detail: body || response.statusText });
    }
    return body;
  }

  function showMessage(text, error = false, list = []) {
    const box = document.getElementById('message');
    if (!box) { if (error) alert(text); return; }
    box.hidden = false;
    box.className = 'alert' + (error ? ' error' : '');
    box.textContent = text;
    if (list.length) {
      const ul = document.createElement('ul');
      list.forEach(item => { const li = document.createElement('li'); li.textContent = item; ul.appendChild(li); });
      box.appendChild(ul);
    }
  }

  function showError(e) {
    const p = e.problem || {};
    const errors = [...(p.errors || []), ...(p.problems || [])].map(x => [x.file,
      x.line && ('line ' + x.line + (x.column ? ', column ' + x.column : '')), x.field && ('(' + x.field + ')'), x.message]
      .filter(Boolean).join(' '));
    showMessage(p.detail || e.message, true, errors);
  }

  function hideMessage() { const box = document.getElementById('message'); if (box) box.hidden = true; }

  const roles = () => (document.body.dataset.roles || '').split(',').filter(Boolean);
  const hasRole = role => roles().includes(role);

  async function currentShow() {
    const select = document.getElementById('show-select');
    const shows = await api('/api/shows');
    const fromUrl = new URLSearchParams(location.search).get('show');
    const stored = localStorage.getItem('shotplan.show');
    const pick = [fromUrl, stored].find(code => shows.some(s => s.code === code)) || (shows[0] && shows[0].code);
    if (select) {
      select.innerHTML = '';
      shows.forEach(s => select.add(new Option(s.code + ' — ' + s.name, s.code, false, s.code === pick)));
      if (!shows.length) select.add(new Option('no show yet', ''));
      select.onchange = () => { localStorage.setItem('shotplan.show', select.value); location.search = '?show=' + encodeURIComponent(select.value); };
    }
    if (pick) localStorage.setItem('shotplan.show', pick);
    return shows.find(s => s.code === pick) || null;
  }

  const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const centsFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const money = (value, currency) => value == null ? '' : (Math.abs(Number(value)) < 100 && Number(value) !== 0
    ? centsFormat : moneyFormat).format(Number(value)) + (currency ? ' ' + currency : '');
  const percent = value => value == null ? '' : (Number(value) * 100).toFixed(1) + '%';

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => {
      if (v == null || v === false) return;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  function badge(mode) { return el('span', { class: 'badge ' + (mode || ''), text: mode || '—' }); }

  return { api, showError, showMessage, hideMessage, hasRole, currentShow, money, percent, el, badge, ApiError };
})();
