// Settlement for BILLING (and ADMIN): runs with their versions, a run's purchase statements, export of a FINAL run.
// Other roles get the API's 403 and the page says which role is needed.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  let runs = null;
  let statements = null;
  let selected = null;

  async function refresh() {
    runs = (await P.getJson('/api/v1/settlement/runs')).runs;
    const wanted = new URLSearchParams(location.search).get('run');
    selected = runs.find(r => String(r.id) === wanted) || runs[0] || null;
    statements = selected ? await P.getJson('/api/v1/settlement/runs/' + selected.id + '/statements') : null;
    render();
    P.showProblem('');
    P.refreshed();
  }

  function cell(row, text, key, value) {
    const td = document.createElement('td');
    td.textContent = text;
    if (key) {
      td.dataset.key = key;
      td.dataset.value = value;
    }
    row.appendChild(td);
    return td;
  }

  function render() {
    if (!runs) {
      return;
    }
    document.querySelector('[data-testid="runs"] tbody').replaceChildren(...runs.map(run => {
      const row = document.createElement('tr');
      row.dataset.run = run.id;
      const head = document.createElement('th');
      head.scope = 'row';
      const link = document.createElement('a');
      link.href = '?run=' + run.id;
      link.textContent = '#' + run.id;
      head.appendChild(link);
      row.appendChild(head);
      cell(row, run.periodFrom + ' – ' + run.periodUntil, null);
      cell(row, 'v' + run.version + (run.previousRunId ? ' (' + t('diffTo') + ' #' + run.previousRunId + ')' : ''), null);
      cell(row, run.status, 'status', run.status);
      cell(row, String(run.statements), 'statements', String(run.statements));
      cell(row, run.createdBy, null);
      const exports = cell(row, '', null);
      if (run.status === 'FINAL') {
        ['csv', 'json'].forEach(format => {
          const a = document.createElement('a');
          a.href = '/api/v1/settlement/runs/' + run.id + '/export?format=' + format;
          a.textContent = format.toUpperCase();
          a.style.marginRight = '.5rem';
          exports.appendChild(a);
        });
      } else {
        exports.textContent = t('exportAfterFinal');
      }
      return row;
    }));
    const list = statements ? statements.statements : [];
    P.byTestId('statements-run').textContent = selected ? '#' + selected.id : t('noRuns');
    P.show('statements-energy', list.length ? (list.reduce((a, s) => a + s.energyWh, 0) / 1000).toFixed(3) : null, 1);
    P.show('statements-payment', list.length ? String(list.reduce((a, s) => a + s.payment, 0)) : null, 0);
    document.querySelector('[data-testid="statements"] tbody').replaceChildren(...list.map(s => {
      const row = document.createElement('tr');
      row.dataset.site = s.siteId;
      const head = document.createElement('th');
      head.scope = 'row';
      head.textContent = s.siteId;
      row.appendChild(head);
      cell(row, s.contractId + ' v' + s.contractVersion, null);
      cell(row, P.number(s.energyWh / 1000, 3), 'energy', String(s.energyWh));
      cell(row, P.number(s.payment, 0), 'payment', String(s.payment));
      cell(row, s.measuredSlots + ' / ' + s.estimatedSlots + ' / ' + s.missingSlots, null);
      return row;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => P.start(refresh, render));
})();
