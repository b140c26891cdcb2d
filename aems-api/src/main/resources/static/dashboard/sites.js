// The Sites page: search the sites the signed-in organisation may see; each with its newest reading, the quality of
// its intervals on the chosen day and its rejections; a site's rejections with the reason and what to fix.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  const SIZE = 50;
  let result = null;
  let page = 0;

  function query() {
    return new URLSearchParams(location.search).get('q') || '';
  }

  async function refresh() {
    result = await P.getJson('/api/v1/dashboard/sites?size=' + SIZE + '&page=' + page + '&date=' + P.selectedDate()
      + (query() ? '&q=' + encodeURIComponent(query()) : ''));
    render();
    P.showProblem('');
    P.refreshed();
  }

  async function showRejections(site) {
    const rejections = await P.getJson('/api/v1/dashboard/sites/' + encodeURIComponent(site) + '/rejections?limit=20');
    const panel = P.byTestId('rejections-panel');
    panel.hidden = false;
    P.byTestId('rejections-site').textContent = site;
    P.byTestId('rejections').replaceChildren(...(rejections.length ? rejections : [null]).map(r => {
      const li = document.createElement('li');
      li.textContent = r == null ? t('noRejections') : P.dateTime(r.receivedAt) + ' ' + r.reason + ': ' + r.detail;
      if (r) {
        li.dataset.reason = r.reason;
      }
      return li;
    }));
    panel.scrollIntoView();
  }

  function render() {
    if (!result) {
      return;
    }
    const total = P.byTestId('sites-total');
    total.dataset.value = String(result.total);
    total.textContent = result.total + ' ' + t('sitesFound');
    document.querySelector('[data-testid="sites"] tbody').replaceChildren(...result.sites.map(s => {
      const row = document.createElement('tr');
      row.dataset.site = s.id;
      const head = document.createElement('th');
      head.scope = 'row';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = s.id;
      button.setAttribute('aria-label', t('rejectionsOf') + ': ' + s.id);
      button.addEventListener('click', () => showRejections(s.id).catch(P.failed));
      head.appendChild(button);
      row.appendChild(head);
      const cells = [[s.name], [s.kind], [s.feeder], [s.lastReading ? P.dateTime(s.lastReading) : t('never'), 'last'],
        [s.measuredSlots + ' / ' + s.estimatedSlots + ' / ' + s.missingSlots, 'quality'],
        [s.rejections24h ? s.rejections24h + ' (' + s.lastRejection + ')' : '0', 'rejections']];
      cells.forEach(([text, key]) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (key) {
          td.dataset.key = key;
        }
        if (key === 'rejections' && s.rejections24h) {
          td.className = 'bad';
        }
        row.appendChild(td);
      });
      return row;
    }));
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = (page + 1) * SIZE >= result.total;
  }

  document.addEventListener('DOMContentLoaded', () => {
    const search = document.getElementById('search');
    search.value = query();
    document.getElementById('search-form').addEventListener('submit', e => {
      e.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', search.value);
      history.replaceState(null, '', url);
      page = 0;
      refresh().catch(P.failed);
    });
    document.getElementById('previous').addEventListener('click', () => { page = Math.max(0, page - 1); refresh().catch(P.failed); });
    document.getElementById('next').addEventListener('click', () => { page++; refresh().catch(P.failed); });
    P.start(refresh, render);
  });
})();
