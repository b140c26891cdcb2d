// What every dashboard page shares: the JST date in the URL, fetching the API, showing values with their
// units, charts over the day's 48 slots, and the language switch.
'use strict';
const AemsPage = (function () {
  const i18n = AemsI18n;
  const charts = {};
  const byTestId = id => document.querySelector('[data-testid="' + id + '"]');
  const SLOT_TIMES = Array.from({ length: 48 }, (_, i) => String(Math.floor(i / 2)).padStart(2, '0') + (i % 2 ? ':30' : ':00'));

  /** The pages every header links to, in order; the one shown is marked aria-current. */
  const PAGES = [['/dashboard/', 'navRegion'], ['/dashboard/feeder.html', 'navFeeder'], ['/dashboard/sites.html', 'navSites'],
    ['/dashboard/alerts.html', 'navAlerts'], ['/dashboard/settlement.html', 'navSettlement'], ['/dashboard/public.html', 'navPublic'],
    ['/swagger-ui.html', 'navApi']];

  function navigation() {
    const here = location.pathname === '/dashboard/index.html' ? '/dashboard/' : location.pathname;
    document.querySelector('nav[data-nav]').replaceChildren(...PAGES.map(([href, key]) => {
      const a = document.createElement('a');
      a.href = href;
      a.dataset.i18n = key;
      if (href === here) {
        a.setAttribute('aria-current', 'page');
      }
      return a;
    }));
  }

  /** The platform's clock minus this computer's, ms: "today" is the platform's date, not the viewer's. */
  let clockOffsetMs = 0;

  async function syncClock() {
    try {
      const response = await fetch('/api/v1/public/clock', { headers: { Accept: 'application/json' } });
      if (response.ok) {
        clockOffsetMs = Date.parse((await response.json()).now) - Date.now();
      }
    } catch (ignored) { /* unreachable: the computer's clock will do, the fetches that follow say what is wrong */ }
  }

  function platformNow() {
    return new Date(Date.now() + clockOffsetMs);
  }

  function todayJst() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(platformNow());
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

  function showProblem(text) {
    const p = document.getElementById('problem');
    p.textContent = text || '';
    p.hidden = !text;
  }

  /** GET as JSON; 401 goes to the sign-in page, 403 says which role is missing (the API's problem detail). */
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      showProblem(i18n.t('signIn'));
      setTimeout(() => { location.href = '/login'; }, 1500);
      throw new Error('401');
    }
    if (!response.ok) {
      let detail = String(response.status);
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem detail */ }
      if (response.status === 403) {
        showProblem(i18n.t('forbidden') + ' (' + detail + ')');
        throw new Error('403');
      }
      throw new Error(detail);
    }
    return response.json();
  }

  function failed(error) {
    if (error.message !== '401' && error.message !== '403') {
      showProblem(i18n.t('failed') + ': ' + error.message);
    }
  }

  function number(value, digits) {
    return new Intl.NumberFormat(i18n.locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  /** Puts the API's value in data-value and shows it formatted with the element's unit. */
  function show(testId, raw, digits, scale) {
    const el = byTestId(testId);
    el.dataset.value = raw == null ? '' : raw;
    el.textContent = raw == null ? i18n.t('noData') : number(Number(raw) * (scale || 1), digits) + ' ' + (el.dataset.unit || '');
  }

  function time(iso) {
    return iso.slice(11, 16);
  }

  function dateTime(iso) {
    return new Intl.DateTimeFormat(i18n.locale(), { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'medium' })
      .format(new Date(iso)) + ' JST';
  }

  /** The server's time of the data shown, in JST (element data-testid="as-of"). */
  function showAsOf(at) {
    const asOf = byTestId('as-of');
    asOf.dateTime = at;
    asOf.textContent = dateTime(at);
  }

  /** The day's 48 values from rows that have a JST start ('from' or 'start'); null where a slot has none. */
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

  function chart(id, option) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    charts[id].setOption(Object.assign({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '–' : number(v, 1) + ' ' + option.unit },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: SLOT_TIMES, axisLabel: { interval: 5 } },
      yAxis: Object.assign({ type: 'value', name: option.unit }, option.yAxis || {})
    }, { series: option.series }), true);
  }

  /** Wires the date picker and the language switch; {@code refresh} loads, {@code render} redraws in the new language. */
  async function start(refresh, render) {
    navigation();
    i18n.apply();
    document.getElementById('lang').addEventListener('click', () => {
      i18n.toggle();
      render();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    await syncClock();
    const date = document.getElementById('date');
    if (date) {
      date.value = selectedDate();
      date.addEventListener('change', () => {
        const url = new URL(location.href);
        url.searchParams.set('date', date.value);
        history.replaceState(null, '', url);
        refresh().catch(failed);
      });
    }
    return refresh().catch(failed);
  }

  /**
   * Fetches again (debounced) whenever the server's stream sends one of {@code events} ('rollup', 'alerts'), and says
   * when it last did; EventSource reconnects by itself after a lost connection.
   */
  function live(events, refresh) {
    const status = byTestId('live');
    const stream = new EventSource('/api/v1/dashboard/stream');
    let pending = null;
    events.forEach(name => stream.addEventListener(name, () => {
      clearTimeout(pending);
      pending = setTimeout(() => refresh().then(() => {
        status.textContent = i18n.t('live') + ' · ' + i18n.t('updated') + ' '
          + new Intl.DateTimeFormat(i18n.locale(), { timeZone: 'Asia/Tokyo', timeStyle: 'medium' }).format(platformNow());
      }).catch(failed), 300);
    }));
    stream.onerror = () => { status.textContent = i18n.t('offline'); };
  }

  /**
   * True when {@code data} differs from what the page last drew ({@code asOf} aside): a live update that changed
   * nothing leaves the page alone, so keyboard focus and a screen reader's place survive it.
   */
  let drawn = null;
  function changed(data) {
    const signature = JSON.stringify(data, (key, value) => key === 'asOf' ? undefined : value);
    const different = signature !== drawn;
    drawn = signature;
    return different;
  }

  function refreshed() {
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  }

  return { i18n, byTestId, todayJst, nextDay, selectedDate, showProblem, getJson, failed, number, show, time, dateTime, showAsOf, perSlot,
    chart, start, live, changed, refreshed };
})();
