// Alerts from the shared seam: open ones first; an operator acknowledges one (who and when are recorded). The list
// is fetched again whenever the server's stream says alerts changed.
'use strict';
(function () {
  const P = AemsPage;
  const t = key => P.i18n.t(key);
  let alerts = null;

  async function refresh() {
    alerts = await P.getJson('/api/v1/alerts');
    if (P.changed(alerts)) {
      render();
    }
    P.showProblem('');
    P.refreshed();
  }

  /** Spring Security's SPA mode: the session's CSRF token is in the XSRF-TOKEN cookie and goes back as a header. */
  function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  }

  async function acknowledge(id) {
    const response = await fetch('/api/v1/alerts/' + id + '/acknowledge', {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
    });
    if (!response.ok) {
      let detail = String(response.status);
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem detail */ }
      P.showProblem(t('failed') + ': ' + detail);
      return;
    }
    await refresh();
  }

  function render() {
    if (!alerts) {
      return;
    }
    const open = alerts.filter(a => !a.resolvedAt);
    P.byTestId('alerts-open-count').dataset.value = String(open.length);
    P.byTestId('alerts-open-count').textContent = open.length + ' ' + t('count');
    document.querySelector('[data-testid="alerts"] tbody').replaceChildren(...alerts.map(a => {
      const row = document.createElement('tr');
      row.dataset.alert = a.id;
      const severity = document.createElement('th');
      severity.scope = 'row';
      severity.textContent = t('severity' + a.severity);
      severity.className = a.severity === 'CRITICAL' && !a.resolvedAt ? 'bad' : '';
      row.appendChild(severity);
      [a.kind, a.subject, a.message, P.dateTime(a.raisedAt), String(a.occurrences)].forEach((text, index) => {
        const td = document.createElement('td');
        td.textContent = text;
        td.className = index === 4 ? 'count' : '';
        row.appendChild(td);
      });
      const state = document.createElement('td');
      state.dataset.key = 'state';
      if (a.resolvedAt) {
        state.textContent = t('resolved') + ' ' + P.dateTime(a.resolvedAt);
      } else if (a.acknowledgedAt) {
        state.textContent = t('acknowledgedBy') + ' ' + a.acknowledgedBy + ' (' + P.dateTime(a.acknowledgedAt) + ')';
      } else {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = t('acknowledge');
        button.setAttribute('aria-label', t('acknowledge') + ': ' + a.kind + ' ' + a.subject);
        button.addEventListener('click', () => acknowledge(a.id).catch(P.failed));
        state.appendChild(button);
      }
      row.appendChild(state);
      return row;
    }));
  }

  document.addEventListener('DOMContentLoaded', () => P.start(refresh, render).finally(() => P.live(['alerts'], refresh)));
})();
