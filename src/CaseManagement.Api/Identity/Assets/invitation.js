// The invitation token travels after '#', which browsers never send to a server. Copy it into
// the form, take it out of the address bar and history, and send it by POST.
(function () {
  var token = window.location.hash.slice(1);
  var field = document.getElementById('token');
  if (!token || !field) {
    return;
  }
  history.replaceState(null, '', window.location.pathname);
  field.value = token;
  field.form.submit();
})();
