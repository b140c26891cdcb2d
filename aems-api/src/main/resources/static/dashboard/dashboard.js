// The Region page: the region now and per slot, the feeders against their limits, the day's KPIs; fetched again
// whenever the server's stream says new slots were rolled up.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  let latest = null; // the API responses the page shows

  async function refresh() {
    const date = P.selectedDate();
    const until = P.nextDay(date);
    const [region, day, slots, plan, islands] = await Promise.all([
      P.getJson('/api/v1/dashboard/region?date=' + date),
      P.getJson('/api/v1/kpis/region?granularity=day&from=' + date + '&until=' + until),
      P.getJson('/api/v1/kpis/region?granularity=slot&from=' + date + '&until=' + until),
      P.getJson('/api/v1/balancing-plan?date=' + date),
      P.getJson('/api/v1/islands')
    ]);
    const fresh = P.changed({ region, day, slots, plan, islands });
    latest = { region, day, slots, plan, islands };
    if (fresh) {
      render();
    } else {
      P.showAsOf(region.asOf);
    }
    P.showProblem('');
    P.refreshed();
  }

  /** The five power tiles of a group ('live' or 'now'), kW with one decimal. */
  function showPowers(group, view) {
    [['pv', view.pvKw], ['demand', view.demandKw], ['battery', view.batteryKw], ['ev', view.evKw], ['grid', view.gridKw]]
      .forEach(([name, kw]) => P.show(group + '-' + name, kw, 1));
  }

  function render() {
    if (!latest) {
      return;
    }
    const { region, day, slots, plan, islands } = latest;
    P.showAsOf(region.asOf);
    const live = region.live;
    P.byTestId('live-section').hidden = !live;
    if (live) {
      const at = P.byTestId('live-at');
      at.dataset.value = live.newest || '';
      at.textContent = live.newest ? P.time(live.newest) + ' JST' : t('noData');
      showPowers('live', live);
      const fresh = P.byTestId('live-reporting');
      fresh.dataset.value = live.sitesReporting + '/' + live.siteCount;
      fresh.textContent = live.sitesReporting + ' / ' + live.siteCount;
    }
    const now = region.now || {};
    P.byTestId('now-slot').textContent = now.slotStart ? P.time(now.slotStart) + ' JST' : t('noData');
    showPowers('now', now);
    const reporting = P.byTestId('now-reporting');
    reporting.dataset.value = region.now ? now.sitesReporting + '/' + now.siteCount : '';
    reporting.textContent = region.now ? now.sitesReporting + ' / ' + now.siteCount : t('noData');

    const kpi = day.rows[0] || {};
    P.show('kpi-local-consumption', kpi.localConsumptionRatio, 1, 100);
    P.show('kpi-self-sufficiency', kpi.selfSufficiencyRatio, 1, 100);
    P.show('kpi-surplus-bought', kpi.surplusBoughtKwh, 1);
    // Without a grid factor for the day (series aems.kpi.co2-series) there is no figure, not zero.
    P.show('kpi-co2-avoided', kpi.co2FactorVersions && kpi.co2FactorVersions.length ? kpi.co2AvoidedKg : null, 1);
    const imbalances = plan.slots.map(s => s.imbalanceKwh).filter(v => v != null);
    P.show('kpi-imbalance', imbalances.length ? imbalances.reduce((a, b) => a + Number(b), 0).toFixed(3) : null, 1);
    const capacity = P.byTestId('pv-capacity');
    capacity.dataset.value = region.pvCapacityKw;
    capacity.textContent = P.number(Number(region.pvCapacityKw), 0) + ' kW / '
      + (region.pvTargetKw ? P.number(Number(region.pvTargetKw), 0) + ' kW' : t('noTarget'));

    renderFeeders(region.feeders);
    renderIslands(islands);
    const kw = kwh => kwh == null ? null : Number(kwh) * 2; // kWh per 30 minutes → average kW
    P.chart('region-chart', { unit: 'kW', series: [
      { name: t('pv'), type: 'line', color: '#b06000', data: P.perSlot(slots.rows, r => kw(r.pvKwh)) },
      { name: t('demand'), type: 'line', color: '#0b57d0', data: P.perSlot(slots.rows, r => kw(r.demandKwh)) },
      { name: t('grid'), type: 'bar', color: '#5f6368',
        data: P.perSlot(slots.rows, r => r.importKwh == null ? null : kw(r.importKwh) - kw(r.exportKwh)) }
    ] });
    // The axis reaches the lowest reverse-flow limit, so every limit line is in view even on a quiet day.
    const limits = region.feeders.filter(f => f.reverseFlowLimitKw != null).map(f => -Number(f.reverseFlowLimitKw));
    P.chart('feeder-chart', { unit: 'kW', yAxis: { min: range => Math.floor(Math.min(range.min, ...limits) * 1.1 / 10) * 10 },
      series: region.feeders.map(f => ({
      name: f.name, type: 'line', data: P.perSlot(f.slots, s => s.netImportKw == null ? null : Number(s.netImportKw)),
      markLine: f.reverseFlowLimitKw == null ? undefined : {
        symbol: 'none', label: { position: 'insideStartTop', formatter: f.name + ' ' + t('limit') }, lineStyle: { type: 'dashed' },
        data: [{ yAxis: -Number(f.reverseFlowLimitKw) }]
      }
    })) });
  }

  /** Islanded feeders now: the optimizer's report says for how long the shelters are served and by what. */
  function renderIslands(islands) {
    P.byTestId('islands').replaceChildren(...(islands.length ? islands : [null]).map(island => {
      const li = document.createElement('li');
      if (island == null) {
        li.textContent = t('noIslands');
        return li;
      }
      li.dataset.feeder = island.feeder;
      const r = island.report;
      const head = island.feeder + ' — ' + t('islandSince') + ' ' + P.dateTime(island.declaredAt) + ' (' + island.declaredBy + ': '
        + island.reason + ')';
      let state;
      if (!r) {
        state = t('reportPending');
      } else if (!r.islandable) {
        state = t('notIslandable') + ': ' + r.why;
      } else {
        const next = r.slots && r.slots[0];
        state = t('autonomy') + ' ' + P.number(r.autonomyHours, 1) + ' ' + t('hours') + ', ' + t('gridForming') + ' ' + r.gridForming
          + ', ' + t('shelters') + ' ' + (r.criticalSites || []).join(', ')
          + (r.criticalServedThroughout ? ' (' + t('servedThroughout') + ')' : ' (' + t('notServedThroughout') + ')')
          + (next ? '; ' + t('nextSlot') + ' ' + P.number(Number(next.criticalServedKwh), 1) + ' / ' + P.number(Number(next.criticalNeededKwh), 1) + ' kWh' : '');
      }
      li.textContent = head + ' — ' + state;
      li.dataset.autonomy = r && r.islandable ? String(r.autonomyHours) : '';
      if (r && (!r.islandable || !r.criticalServedThroughout)) {
        li.className = 'bad';
      }
      return li;
    }));
  }

  function renderFeeders(feeders) {
    const body = document.querySelector('[data-testid="feeders"] tbody');
    body.replaceChildren(...feeders.map(f => {
      const row = document.createElement('tr');
      row.dataset.feeder = f.id;
      const cells = [
        [f.name + ' (' + f.id + ')', null], [f.bank, null], [f.netImportKw, 'net'], [f.reverseFlowLimitKw, 'limit'],
        [f.peakReverseKw, 'peak'], [f.breachedSlots.length ? f.breachedSlots.join(', ') : '–', 'breaches']];
      cells.forEach(([value, key], index) => {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) {
          cell.scope = 'row';
        }
        if (key) {
          cell.dataset.key = key;
          cell.dataset.value = value == null ? '' : value;
        }
        const numeric = key === 'net' || key === 'limit' || key === 'peak';
        if (index === 0) {
          const link = document.createElement('a');
          link.href = 'feeder.html?feeder=' + encodeURIComponent(f.id) + '&date=' + P.selectedDate();
          link.textContent = value;
          cell.appendChild(link);
        } else {
          cell.textContent = value == null ? '–' : numeric ? P.number(Number(value), 1) : value;
        }
        if (key === 'breaches' && f.breachedSlots.length) {
          cell.className = 'bad';
        }
        row.appendChild(cell);
      });
      return row;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => P.start(refresh, render).finally(() => P.live(['rollup'], refresh)));
})();
