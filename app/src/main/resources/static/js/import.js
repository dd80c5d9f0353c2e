'use strict';
// Import: multipart uploads; a rejected file lists every problem with its file, line, column and field.
(async () => {
  const { api, showError, showMessage, hideMessage, hasRole } = shotplan;
  let show = await shotplan.currentShow().catch(() => null);
  // the role each form needs, and whether it imports into the current show
  const FORMS = { 'show-form': ['PRODUCER', false], 'shots-form': ['PRODUCER', true], 'edl-form': ['PRODUCER', true],
    'revision-form': ['PRODUCER', true], 'estimates-form': ['PRODUCER', true], 'actuals-form': ['FINANCE', true] };
  const enable = () => Object.entries(FORMS).forEach(([id, [role, needsShow]]) => {
    document.querySelector('#' + id + ' button').disabled = !hasRole(role) || (needsShow && !show);
  });
  enable();
  const query = params => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();

  function upload(form, path, fill) {
    form.onsubmit = async event => {
      event.preventDefault();
      hideMessage();
      const data = new FormData();
      fill(data);
      try {
        const result = await api(path(), { method: 'POST', body: data });
        showMessage('Imported into ' + result.showCode + ': ' + result.shotsAdded.length + ' shots'
          + (result.kind === 'ESTIMATES' ? ' with new hand bids' : '')
          + (result.ledgerRowsAdded ? ', ' + result.ledgerRowsAdded + ' cost lines' : '') + '.');
        if (form.id === 'show-form') {
          localStorage.setItem('shotplan.show', result.showCode);
          show = await shotplan.currentShow();
          enable();
        }
        form.reset();
      } catch (e) {
        showError(e);
      }
    };
  }
  const fileOf = form => data => data.append('file', form.file.files[0]);
  const showForm = document.getElementById('show-form');
  upload(showForm, () => '/api/imports/show?replace=' + showForm.replace.checked,
    data => [...showForm.files.files].forEach(f => data.append('files', f, f.name)));
  const shotsForm = document.getElementById('shots-form');
  upload(shotsForm, () => '/api/imports/shots?' + query({ show: show.code, episode: shotsForm.episode.value }), fileOf(shotsForm));
  const edlForm = document.getElementById('edl-form');
  upload(edlForm, () => '/api/imports/edl?' + query({ show: show.code, episode: edlForm.episode.value,
    workType: edlForm.workType.value, fps: edlForm.fps.value, complexity: edlForm.complexity.value,
    resolution: edlForm.resolution.value }), fileOf(edlForm));
  const estimatesForm = document.getElementById('estimates-form');
  upload(estimatesForm, () => '/api/imports/estimates?' + query({ show: show.code }), fileOf(estimatesForm));
  // A revision: Preview posts a dry run and shows its diff; Apply posts the same file and options for real.
  const revisionForm = document.getElementById('revision-form');
  const revisionDiff = document.getElementById('revision-diff');
  const applyButton = document.getElementById('revision-apply');
  const revise = async dryRun => {
    hideMessage();
    const f = revisionForm;
    const file = f.file.files[0];
    const editorial = !file.name.toLowerCase().endsWith('.csv');
    const params = { show: show.code, episode: f.episode.value, omitMissing: f.omitMissing.checked, dryRun };
    if (editorial) {
      Object.assign(params, { workType: f.workType.value, fps: f.fps.value, shotName: f.shotName.value,
        handles: f.handles.value });
    }
    const data = new FormData();
    data.append('file', file);
    const report = await api('/api/imports/' + (editorial ? 'edl' : 'shots') + '/revision?' + query(params),
      { method: 'POST', body: data });
    revisionDiff.textContent = report.lines.join('\n');
    revisionDiff.hidden = false;
    return report;
  };
  revisionForm.onsubmit = async event => {
    event.preventDefault();
    try {
      await revise(true);
      applyButton.disabled = false;
    } catch (e) {
      applyButton.disabled = true;
      showError(e);
    }
  };
  revisionForm.onchange = () => { applyButton.disabled = true; };
  applyButton.onclick = async () => {
    try {
      const report = await revise(false);
      applyButton.disabled = true;
      showMessage('Updated ' + report.showCode + ': ' + report.added.length + ' added, ' + report.changed.length
        + ' changed, ' + report.omitted.length + ' omitted.');
    } catch (e) {
      showError(e);
    }
  };
  const actualsForm = document.getElementById('actuals-form');
  upload(actualsForm, () => '/api/shows/' + encodeURIComponent(show.code) + '/actuals', fileOf(actualsForm));
})();
