// Open data without sign-in: the region's day from /api/v1/public/region-intervals, which withholds any slot or
// group with fewer sites than the minimum group size (docs/security.md).
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  let day = null;

  async function refresh() {
    day = await P.getJson('/api/v1/public/region-intervals?date=' + P.selectedDate());
    render();
    P.showProblem('');
    P.refreshed();
  }

  function total(key) {
    const values = day.slots.filter(s => s.region && s.region[key] != null).map(s => Number(s.region[key]));
    return values.length ? values.reduce((a, b) => a + b, 0).toFixed(3) : null;
  }

  /**
   * Each group the API published on this day (a feeder, or 'other' for the pooled small ones) with its figures summed
   * over the slots where it was published: sums of published figures, so nothing the rule withheld.
   */
  function groups() {
    const byName = new Map();
    day.slots.forEach(s => Object.entries(s.groups || {}).forEach(([name, f]) => {
      const g = byName.get(name) || { name, slots: 0, pvKwh: [], importKwh: [], exportKwh: [] };
      g.slots++;
      ['pvKwh', 'importKwh', 'exportKwh'].forEach(key => { if (f[key] != null) g[key].push(Number(f[key])); });
      byName.set(name, g);
    }));
    const sum = values => values.length ? values.reduce((a, b) => a + b, 0).toFixed(3) : null;
    return [...byName.values()].sort((a, b) => (a.name === 'other') - (b.name === 'other') || a.name.localeCompare(b.name))
      .map(g => ({ name: g.name, slots: g.slots, pvKwh: sum(g.pvKwh), importKwh: sum(g.importKwh), exportKwh: sum(g.exportKwh) }));
  }

  function renderGroups() {
    document.querySelector('[data-testid="public-groups"] tbody').replaceChildren(...groups().map(g => {
      const row = document.createElement('tr');
      row.dataset.group = g.name;
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = g.name === 'other' ? t('pooledGroup') : g.name;
      row.appendChild(name);
      [['slots', String(g.slots)], ['pv', g.pvKwh], ['import', g.importKwh], ['export', g.exportKwh]].forEach(([key, value]) => {
        const cell = document.createElement('td');
        cell.dataset.key = key;
        cell.dataset.value = value == null ? '' : value;
        cell.textContent = value == null ? '–' : key === 'slots' ? value : P.number(Number(value), 1);
        row.appendChild(cell);
      });
      return row;
    }));
  }

  function render() {
    if (!day) {
      return;
    }
    renderGroups();
    P.show('public-pv', total('pvKwh'), 1);
    P.show('public-import', total('importKwh'), 1);
    P.show('public-export', total('exportKwh'), 1);
    const shown = day.slots.filter(s => s.region).length;
    P.byTestId('public-slots').dataset.value = String(shown);
    P.byTestId('public-slots').textContent = shown + ' / 48';
    P.byTestId('public-minimum').dataset.value = String(day.minimumGroupSize);
    P.byTestId('public-minimum').textContent = String(day.minimumGroupSize);
    const kw = key => s => s.region && s.region[key] != null ? Number(s.region[key]) * 2 : null;
    P.chart('public-chart', { unit: 'kW', series: [
      { name: t('pv'), type: 'line', color: '#b06000', data: P.perSlot(day.slots, kw('pvKwh')) },
      { name: t('import'), type: 'line', color: '#0b57d0', data: P.perSlot(day.slots, kw('importKwh')) },
      { name: t('export'), type: 'line', color: '#1e8e3e', data: P.perSlot(day.slots, kw('exportKwh')) }
    ] });
  }

  document.addEventListener('DOMContentLoaded', () => P.start(refresh, render));
})();
