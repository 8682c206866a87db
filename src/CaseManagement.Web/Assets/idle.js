// The idle timeout, told in advance. The server ends a session after its idle time without a
// request (each page renews it); this warns shortly before, and a button renews it without
// leaving the page. When the time is up, the page is reloaded: the server then asks for a sign-in
// again, so personal data does not stay on an unattended screen.
(function () {
  'use strict';
  var script = document.currentScript;
  var warning = document.getElementById('idle-warning');
  var stay = document.getElementById('idle-stay');
  if (!script || !warning || !stay) {
    return;
  }
  var idle = Number(script.dataset.idleSeconds) * 1000;
  var ahead = Number(script.dataset.warnSeconds) * 1000;
  var timers = [];
  function reload() { window.location.replace(window.location.pathname); }
  function schedule() {
    timers.forEach(clearTimeout);
    warning.hidden = true;
    timers = [
      setTimeout(function () { warning.hidden = false; stay.focus(); }, Math.max(idle - ahead, 0)),
      setTimeout(reload, idle + 5000) // after the server's end: the reload must not renew the session
    ];
  }
  stay.addEventListener('click', function () {
    fetch(script.dataset.aliveUrl, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store', headers: { 'X-CaseManagement-Activity': '1' } })
      .then(function (response) { if (response.status === 204) { schedule(); } else { reload(); } })
      .catch(reload);
  });
  schedule();
})();
