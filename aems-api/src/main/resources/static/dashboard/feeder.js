// The Feeder page: one feeder's day, actual against the plan in force at each slot's gate closure (what the slot is
// judged by), the bank's newest plan and the reverse-flow limit, its storage
// and EVs as last reported, and the commands its sites got with their answers. Fetched again on every rollup.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  let page = null;
  let feeders = [];

  function selectedFeeder() {
    return new URLSearchParams(location.search).get('feeder');
  }

  async function refresh() {
    const date = P.selectedDate();
    const region = await P.getJson('/api/v1/dashboard/region?date=' + date);
    feeders = region.feeders;
    const wanted = selectedFeeder() || (feeders[0] && feeders[0].id);
    page = wanted ? await P.getJson('/api/v1/dashboard/feeders/' + encodeURIComponent(wanted) + '?date=' + date) : null;
    if (P.changed({ feeders, page })) {
      render();
    } else if (page) {
      P.showAsOf(page.asOf);
    }
    P.showProblem('');
    P.refreshed();
  }

  /** kW of a slot's Wh (30 minutes), one decimal, or null. */
  const slotKw = wh => wh == null ? null : P.number(Number(wh) * 2 / 1000, 1);

  /**
   * The newest plan's limit events on this feeder or its bank, one sentence each: when, which limit, bound or breached,
   * the flow against the limit, and the optimizer's reason (its own words).
   */
  function renderLimitEvents(f) {
    const events = (page.plan && Array.isArray(page.plan.limitEvents) ? page.plan.limitEvents : [])
      .filter(e => e.where === f.id || e.where === f.bank)
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart));
    P.byTestId('limit-events').replaceChildren(...(events.length ? events : [null]).map(e => {
      const li = document.createElement('li');
      if (e == null) {
        li.textContent = t('noLimitEvents');
        return li;
      }
      li.dataset.slot = e.slotStart;
      li.dataset.outcome = e.outcome;
      li.className = e.outcome === 'BREACHED' ? 'bad' : '';
      const kind = t(e.kind === 'IMPORT' ? 'limitImport' : 'limitReverse');
      const numbers = [[t('limitFlow'), slotKw(e.flowWh)], [t('limitAt'), slotKw(e.limitWh)], [t('limitExcess'), slotKw(e.excessWh)]]
        .filter(([, v]) => v != null).map(([label, v]) => label + ' ' + v + ' kW').join(', ');
      const when = new Intl.DateTimeFormat(P.i18n.locale(), { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(e.slotStart)) + ' JST';
      // The outcome's words carry their own separator: none in Japanese (上限を超過), a space in English.
      li.textContent = when + ' ' + e.where + ' ' + kind + t(e.outcome === 'BREACHED' ? 'limitBreached' : 'limitBinding')
        + (numbers ? ' (' + numbers + ')' : '') + ': ' + e.why;
      return li;
    }));
  }

  function render() {
    if (!page) {
      return;
    }
    const select = document.getElementById('feeder');
    select.replaceChildren(...feeders.map(f => {
      const option = document.createElement('option');
      option.value = f.id;
      option.textContent = f.name + ' (' + f.id + ')';
      option.selected = f.id === page.feeder.id;
      return option;
    }));
    P.showAsOf(page.asOf);
    const f = page.feeder;
    P.byTestId('feeder-name').textContent = f.name + ' (' + f.id + ')';
    P.byTestId('feeder-bank').textContent = t('bank') + ' ' + f.bank;
    P.show('feeder-net', f.netImportKw, 1);
    P.show('feeder-limit', f.reverseFlowLimitKw, 1);
    P.show('feeder-peak', f.peakReverseKw, 1);
    P.show('feeder-soc', page.now.averageSocPercent, 1);
    const evs = P.byTestId('feeder-evs');
    evs.dataset.value = page.now.plugged + '/' + page.now.charging;
    evs.textContent = page.now.plugged + ' / ' + page.now.charging + ' (' + page.now.chargers + ')';
    const plan = P.byTestId('feeder-plan');
    plan.dataset.value = page.plan ? page.plan.source : '';
    plan.textContent = page.plan ? page.plan.source + ' #' + page.plan.id + ' ' + P.time(page.plan.createdAt) : t('noPlan');

    const limit = f.reverseFlowLimitKw == null ? [] : [{ yAxis: -Number(f.reverseFlowLimitKw), name: t('limit') }];
    const imports = f.importLimitKw == null ? [] : [{ yAxis: Number(f.importLimitKw), name: t('importLimit') }];
    const lowest = f.reverseFlowLimitKw == null ? 0 : -Number(f.reverseFlowLimitKw);
    P.chart('plan-chart', { unit: 'kW', yAxis: { min: range => Math.floor(Math.min(range.min, lowest) * 1.1 / 10) * 10 }, series: [
      { name: t('actual'), type: 'line', color: '#0b57d0', data: P.perSlot(f.slots, s => s.netImportKw == null ? null : Number(s.netImportKw)),
        markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#a50e0e' },
          label: { position: 'insideStartTop', formatter: p => p.name + ' ' + P.number(p.value, 0) + ' kW' }, data: limit.concat(imports) } },
      { name: t('plannedAtGate'), type: 'line', color: '#7b1fa2', step: 'middle',
        data: P.perSlot(page.planAtGateClosure || [], s => Number(s.netKw)) },
      { name: t('planned'), type: 'line', color: '#b06000', lineStyle: { type: 'dotted' },
        data: P.perSlot(page.plan ? page.plan.slots : [], s => Number(s.netKw)) }
    ] });
    P.chart('flex-chart', { unit: 'kW', series: [
      { name: t('battery'), type: 'bar', color: '#1e8e3e', data: P.perSlot(f.slots, s => s.batteryKw == null ? null : Number(s.batteryKw)) },
      { name: t('ev'), type: 'bar', color: '#5f6368', data: P.perSlot(f.slots, s => s.evKw == null ? null : Number(s.evKw)) }
    ] });

    renderLimitEvents(f);

    document.querySelector('[data-testid="commands"] tbody').replaceChildren(...page.commands.map(c => {
      const row = document.createElement('tr');
      row.dataset.command = c.commandId;
      const answer = c.ackedAt ? P.dateTime(c.ackedAt) + (c.reason ? ' — ' + c.reason : '') : (c.reason || '–');
      [P.dateTime(c.issuedAt), c.siteId, c.deviceId, c.action, P.number(Number(c.setpointKw), 1), c.status, answer].forEach((text, i) => {
        const td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) {
          td.scope = 'row';
        }
        td.textContent = text;
        if (i === 5) {
          td.dataset.key = 'status';
          td.className = ['REJECTED', 'FAILED', 'NO_ACK'].includes(c.status) ? 'bad' : '';
        }
        row.appendChild(td);
      });
      return row;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('feeder').addEventListener('change', e => {
      const url = new URL(location.href);
      url.searchParams.set('feeder', e.target.value);
      history.replaceState(null, '', url);
      refresh().catch(P.failed);
    });
    P.start(refresh, render).finally(() => P.live(['rollup'], refresh));
  });
})();
