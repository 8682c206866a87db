// One post per form and page. A second click while the first post is on its way would save a second goal, session
// or note: the browser sends both, and the server cannot tell them from two meant ones. The server's answer replaces
// the page, which starts afresh; so does a page the Back button brings back. A post stopped on the way (Esc, a lost
// connection) leaves the page as it was: its form is free again after a while. A form whose answer is a download
// keeps the page, and may be sent again (data-repeatable). Without JavaScript the forms work as they are.
(function () {
  'use strict';
  var freeAfter = 20000;
  function free(form) {
    form.removeAttribute('data-sent');
    form.removeAttribute('aria-busy');
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute('data-repeatable')) {
      return;
    }
    if (form.hasAttribute('data-sent')) {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sent', '');
    form.setAttribute('aria-busy', 'true');
    window.setTimeout(function () { free(form); }, freeAfter);
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[data-sent]').forEach(free);
    }
  });
})();
