'use strict';
// Import: multipart uploads; a rejected file lists every problem with its file, line, column and field.
(async () => {
  const { api, showError, showMessage, hideMessage, hasRole } = shotplan;
  let show = await shotplan.currentShow().catch(() => null);
  document.querySelector('#show-form button').disabled = !hasRole('PRODUCER');
  document.querySelector('#shots-form button').disabled = !hasRole('PRODUCER') || !show;
  document.querySelector('#actuals-form button').disabled = !hasRole('FINANCE') || !show;

  function upload(form, path, fill) {
    form.onsubmit = async event => {
      event.preventDefault();
      hideMessage();
      const data = new FormData();
      fill(data);
      try {
        const result = await api(path(), { method: 'POST', body: data });
        showMessage('Imported into ' + result.showCode + ': ' + result.shotsAdded.length + ' shots' + (result.ledgerRowsAdded ? ', ' + result.ledgerRowsAdded + ' cost lines' : '') + '.');
        if (form.id === 'show-form') {
          localStorage.setItem('shotplan.show', result.showCode);
          show = await shotplan.currentShow();
          document.querySelector('#shots-form button').disabled = !hasRole('PRODUCER');
          document.querySelector('#actuals-form button').disabled = !hasRole('FINANCE');
        }
        form.reset();
      } catch (e) {
        showError(e);
      }
    };
  }
  const showForm = document.getElementById('show-form');
  upload(showForm, () => '/api/imports/show?replace=' + showForm.replace.checked,
    data => [...showForm.files.files].forEach(f => data.append('files', f, f.name)));
  const shotsForm = document.getElementById('shots-form');
  upload(shotsForm, () => '/api/imports/shots?show=' + encodeURIComponent(show.code)
      + (shotsForm.episode.value ? '&episode=' + encodeURIComponent(shotsForm.episode.value) : ''),
    data => data.append('file', shotsForm.file.files[0]));
  const actualsForm = document.getElementById('actuals-form');
  upload(actualsForm, () => '/api/shows/' + encodeURIComponent(show.code) + '/actuals',
    data => data.append('file', actualsForm.file.files[0]));
})();
