// One post per form and page. A second click while the first post is on its way would save a second goal, session
// or note: the browser sends both, and the server cannot tell them from two meant ones. The server's answer replaces
// the page, which starts afresh; so does a page the Back button brings back. A form whose answer is a download keeps
// the page, and may be sent again (data-repeatable). Without JavaScript the forms work as they are.
(function () {
  'use strict';
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
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[data-sent]').forEach(function (form) {
        form.removeAttribute('data-sent');
        form.removeAttribute('aria-busy');
      });
    }
  });
})();
