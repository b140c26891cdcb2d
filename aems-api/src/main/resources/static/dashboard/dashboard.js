// The Region page: fetches the API (the same numbers a billing or operator system gets), renders tiles, a table
// and ECharts charts, and fetches again whenever the server's stream says new slots were rolled up.
'use strict';
(function () {
  const i18n = AemsI18n;
  const charts = {};
  let latest = null;          // what the page shows: the API responses of the last refresh
  let refreshing = null;
  const $ = selector => document.querySelector(selector);
  const byTestId = id => document.querySelector('[data-testid="' + id + '"]');

  function todayJst() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  }

  function nextDay(date) {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }

  function selectedDate() {
    const fromUrl = new URLSearchParams(location.search).get('date');
    return /^\d{4}-\d{2}-\d{2}$/.test(fromUrl || '') ? fromUrl : todayJst();
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      showProblem(i18n.t('signIn'));
      setTimeout(() => { location.href = '/login'; }, 1500);
      throw new Error('401');
    }
    if (response.status === 403) {
      showProblem(i18n.t('forbidden'));
      throw new Error('403');
    }
    if (!response.ok) {
      let detail = response.status + '';
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem detail */ }
      throw new Error(detail);
    }
    return response.json();
  }

  function showProblem(text) {
    const p = $('#problem');
    p.textContent = text;
    p.hidden = !text;
  }

  function number(value, digits) {
    return new Intl.NumberFormat(i18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  /** Puts the API's value in data-value and shows it formatted with its unit. */
  function show(testId, raw, digits, scale) {
    const el = byTestId(testId);
    el.dataset.value = raw == null ? '' : raw;
    el.textContent = raw == null ? i18n.t('noData') : number(Number(raw) * (scale || 1), digits) + ' ' + (el.dataset.unit || '');
  }

  async function refresh() {
    const date = selectedDate();
    const until = nextDay(date);
    const [region, day, slots, plan] = await Promise.all([
      getJson('/api/v1/dashboard/region?date=' + date),
      getJson('/api/v1/kpis/region?granularity=day&from=' + date + '&until=' + until),
      getJson('/api/v1/kpis/region?granularity=slot&from=' + date + '&until=' + until),
      getJson('/api/v1/balancing-plan?date=' + date)
    ]);
    latest = { region, day, slots, plan };
    render();
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
    showProblem('');
  }

  function render() {
    if (!latest) {
      return;
    }
    const { region, day, slots, plan } = latest;
    const asOf = byTestId('as-of');
    asOf.dateTime = region.asOf;
    asOf.textContent = new Intl.DateTimeFormat(i18n.locale(), { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'medium' })
      .format(new Date(region.asOf)) + ' JST';
    const now = region.now || {};
    byTestId('now-slot').textContent = now.slotStart ? time(now.slotStart) + ' JST' : i18n.t('noData');
    show('now-pv', now.pvKw, 1);
    show('now-demand', now.demandKw, 1);
    show('now-battery', now.batteryKw, 1);
    show('now-ev', now.evKw, 1);
    show('now-grid', now.gridKw, 1);
    const reporting = byTestId('now-reporting');
    reporting.dataset.value = region.now ? now.sitesReporting + '/' + now.siteCount : '';
    reporting.textContent = region.now ? now.sitesReporting + ' / ' + now.siteCount : i18n.t('noData');

    const kpi = day.rows[0] || {};
    show('kpi-local-consumption', kpi.localConsumptionRatio, 1, 100);
    show('kpi-self-sufficiency', kpi.selfSufficiencyRatio, 1, 100);
    show('kpi-surplus-bought', kpi.surplusBoughtKwh, 1);
    // Without a grid factor for the day (series aems.kpi.co2-series) there is no figure, not zero.
    show('kpi-co2-avoided', kpi.co2FactorVersions && kpi.co2FactorVersions.length ? kpi.co2AvoidedKg : null, 1);
    const imbalances = plan.slots.map(s => s.imbalanceKwh).filter(v => v != null);
    show('kpi-imbalance', imbalances.length ? imbalances.reduce((a, b) => a + Number(b), 0).toFixed(3) : null, 1);
    const capacity = byTestId('pv-capacity');
    capacity.dataset.value = region.pvCapacityKw;
    capacity.textContent = number(Number(region.pvCapacityKw), 0) + ' kW / '
      + (region.pvTargetKw ? number(Number(region.pvTargetKw), 0) + ' kW' : i18n.t('noTarget'));

    renderFeeders(region.feeders);
    renderRegionChart(slots.rows);
    renderFeederChart(region.feeders);
  }

  function time(iso) {
    return iso.slice(11, 16);
  }

  function renderFeeders(feeders) {
    const body = $('[data-testid="feeders"] tbody');
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
        cell.textContent = value == null ? '–' : numeric ? number(Number(value), 1) : value;
        if (key === 'breaches' && f.breachedSlots.length) {
          cell.className = 'bad';
        }
        row.appendChild(cell);
      });
      return row;
    }));
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    return charts[id];
  }

  const SLOT_TIMES = Array.from({ length: 48 }, (_, i) => String(Math.floor(i / 2)).padStart(2, '0') + (i % 2 ? ':30' : ':00'));

  function perSlot(rows, value) {
    const data = new Array(48).fill(null);
    rows.forEach(row => {
      const index = SLOT_TIMES.indexOf(time(row.from || row.start));
      const v = value(row);
      if (index >= 0 && v != null) {
        data[index] = Math.round(v * 10) / 10;
      }
    });
    return data;
  }

  function baseOption(unit) {
    return {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : number(v, 1) + ' ' + unit },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: SLOT_TIMES, axisLabel: { interval: 5 } },
      yAxis: { type: 'value', name: unit }
    };
  }

  function renderRegionChart(rows) {
    const kw = kwh => kwh == null ? null : Number(kwh) * 2; // kWh per 30 minutes → average kW
    chart('region-chart').setOption(Object.assign(baseOption('kW'), {
      series: [
        { name: i18n.t('pv'), type: 'line', color: '#b06000', data: perSlot(rows, r => kw(r.pvKwh)) },
        { name: i18n.t('demand'), type: 'line', color: '#0b57d0', data: perSlot(rows, r => kw(r.demandKwh)) },
        { name: i18n.t('grid'), type: 'bar', color: '#5f6368',
          data: perSlot(rows, r => r.importKwh == null ? null : kw(r.importKwh) - kw(r.exportKwh)) }
      ]
    }), true);
  }

  function renderFeederChart(feeders) {
    const series = feeders.map(f => ({
      name: f.name, type: 'line', data: perSlot(f.slots, s => s.netImportKw == null ? null : Number(s.netImportKw)),
      markLine: f.reverseFlowLimitKw == null ? undefined : {
        symbol: 'none', label: { formatter: f.name + ' ' + i18n.t('limit') }, lineStyle: { type: 'dashed' },
        data: [{ yAxis: -Number(f.reverseFlowLimitKw) }]
      }
    }));
    chart('feeder-chart').setOption(Object.assign(baseOption('kW'), { series }), true);
  }

  function live() {
    const status = byTestId('live');
    const stream = new EventSource('/api/v1/dashboard/stream');
    stream.addEventListener('rollup', () => {
      clearTimeout(refreshing);
      refreshing = setTimeout(() => refresh().then(() => {
        status.textContent = i18n.t('live') + ' · ' + i18n.t('updated') + ' '
          + new Intl.DateTimeFormat(i18n.locale(), { timeZone: 'Asia/Tokyo', timeStyle: 'medium' }).format(new Date());
      }).catch(e => showProblem(i18n.t('failed') + ': ' + e.message)), 300);
    });
    stream.onerror = () => { status.textContent = i18n.t('offline'); };
  }

  document.addEventListener('DOMContentLoaded', () => {
    i18n.apply();
    const date = $('#date');
    date.value = selectedDate();
    date.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set('date', date.value);
      history.replaceState(null, '', url);
      refresh().catch(e => showProblem(i18n.t('failed') + ': ' + e.message));
    });
    $('#lang').addEventListener('click', () => {
      i18n.toggle();
      render();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    refresh().catch(e => { if (e.message !== '401' && e.message !== '403') { showProblem(i18n.t('failed') + ': ' + e.message); } })
      .finally(live);
  });
})();
