// Settlement for BILLING (and ADMIN): runs with their versions, a run's purchase statements page by page with the whole
// run's totals, what changed against the previous version, and export of a FINAL run.
// Other roles get the API's 403 and the page says which role is needed.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  // Statements per page: ?size=10..1000 (default 200).
  const PAGE = Math.min(1000, Math.max(10, Number(new URLSearchParams(location.search).get('size')) || 200));
  let runs = null;
  let selected = null;
  let statements = null;
  let totals = null;
  let diff = null;
  // Cursors of the statement pages seen so far: cursors[i] fetches page i (null: the first).
  let cursors = [null];
  let page = 0;

  async function refresh() {
    runs = (await P.getJson('/api/v1/settlement/runs')).runs;
    const wanted = new URLSearchParams(location.search).get('run');
    const next = runs.find(r => String(r.id) === wanted) || runs[0] || null;
    if (!next || !selected || next.id !== selected.id) {
      cursors = [null];
      page = 0;
    }
    selected = next;
    await loadStatements();
    diff = selected && selected.previousRunId
      ? await P.getJson('/api/v1/settlement/runs/' + selected.id + '/diff?limit=' + PAGE) : null;
    render();
    P.showProblem('');
    P.refreshed();
  }

  async function loadStatements() {
    if (!selected) {
      statements = null;
      totals = null;
      return;
    }
    const after = cursors[page];
    statements = await P.getJson('/api/v1/settlement/runs/' + selected.id + '/statements?limit=' + PAGE
      + (after ? '&after=' + encodeURIComponent(after) : ''));
    if (statements.totals) {
      totals = statements.totals;
    }
    cursors[page + 1] = statements.next || null;
  }

  async function turn(by) {
    page += by;
    await loadStatements();
    render();
    P.byTestId('statements').closest('.table-wrap').focus();
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

  function siteHeader(row, siteId) {
    const head = document.createElement('th');
    head.scope = 'row';
    head.textContent = siteId;
    row.appendChild(head);
  }

  function render() {
    if (!runs) {
      return;
    }
    document.querySelector('[data-testid="runs"] tbody').replaceChildren(...runs.map(runRow));
    renderStatements();
    renderDiff();
  }

  function runRow(run) {
    const row = document.createElement('tr');
    row.dataset.run = run.id;
    const head = document.createElement('th');
    head.scope = 'row';
    const link = document.createElement('a');
    link.href = '?run=' + run.id;
    link.textContent = '#' + run.id;
    if (selected && run.id === selected.id) {
      link.setAttribute('aria-current', 'true');
    }
    head.appendChild(link);
    row.appendChild(head);
    cell(row, run.periodFrom + ' – ' + run.periodUntil, null);
    cell(row, 'v' + run.version + (run.previousRunId ? ' (' + t('diffTo') + ' #' + run.previousRunId + ')' : ''), null);
    cell(row, run.status, 'status', run.status);
    cell(row, String(run.statements), 'statements', String(run.statements));
    // Statements and supply bills on gateway values where certified ones are expected; a FINAL run shows whether
    // that was accepted when it was finalised (ADR 0022).
    const provisional = run.provisionalStatements + run.provisionalSupplyBills;
    cell(row, String(provisional) + (run.provisionalAccepted ? ' (' + t('accepted') + ')' : ''), 'provisional', String(provisional));
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
  }

  function renderStatements() {
    const list = statements ? statements.statements : [];
    P.byTestId('statements-run').textContent = selected ? '#' + selected.id : t('noRuns');
    P.show('statements-count', totals ? String(totals.statements) : null, 0);
    P.show('statements-energy', totals ? String(totals.energyWh) : null, 3, 0.001);
    P.show('statements-payment', totals ? String(totals.payment) : null, 0);
    document.querySelector('[data-testid="statements"] tbody').replaceChildren(...list.map(s => {
      const row = document.createElement('tr');
      row.dataset.site = s.siteId;
      siteHeader(row, s.siteId);
      cell(row, s.contractId + ' v' + s.contractVersion, null);
      cell(row, P.number(s.energyWh / 1000, 3), 'energy', String(s.energyWh));
      cell(row, P.number(s.payment, 0), 'payment', String(s.payment));
      cell(row, s.measuredSlots + ' / ' + s.estimatedSlots + ' / ' + s.missingSlots, null);
      return row;
    }));
    const first = page * PAGE + (list.length ? 1 : 0);
    P.byTestId('statements-range').textContent = totals
      ? P.number(first, 0) + '–' + P.number(page * PAGE + list.length, 0) + ' / ' + P.number(totals.statements, 0) : '';
    P.byTestId('statements-prev').disabled = page === 0;
    P.byTestId('statements-next').disabled = !cursors[page + 1];
  }

  function renderDiff() {
    const note = P.byTestId('diff-note');
    const changes = diff ? diff.changes : [];
    note.textContent = !selected ? t('noRuns') : !selected.previousRunId ? t('diffFirstVersion')
      : changes.length === 0 ? t('diffNone').replace('{previous}', '#' + selected.previousRunId)
        : t('diffAgainst').replace('{previous}', '#' + selected.previousRunId) + (diff.next ? ' ' + t('diffMore') : '');
    document.querySelector('[data-testid="diff"] tbody').replaceChildren(...changes.map(c => {
      const row = document.createElement('tr');
      row.dataset.site = c.siteId;
      siteHeader(row, c.siteId);
      cell(row, c.from, null);
      cell(row, t('change' + c.change), 'change', c.change);
      const before = c.previous ? c.previous.payment : 0;
      const after = c.current ? c.current.payment : 0;
      cell(row, c.previous ? P.number(before, 0) : '–', null);
      cell(row, c.current ? P.number(after, 0) : '–', null);
      const energy = (c.current ? c.current.energyWh : 0) - (c.previous ? c.previous.energyWh : 0);
      cell(row, (energy > 0 ? '+' : '') + P.number(energy / 1000, 3), 'energy-delta', String(energy));
      cell(row, (after - before > 0 ? '+' : '') + P.number(after - before, 0), 'payment-delta', String(after - before));
      return row;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    P.byTestId('statements-prev').addEventListener('click', () => turn(-1).catch(P.failed));
    P.byTestId('statements-next').addEventListener('click', () => turn(1).catch(P.failed));
    P.start(refresh, render);
  });
})();
