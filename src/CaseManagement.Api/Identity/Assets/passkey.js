// Passkeys, the phishing-resistant second factor: "Use a passkey" on the sign-in page and "Add a
// passkey" on the passkeys page. Both stay hidden without JavaScript or without a browser that
// reads and writes WebAuthn's JSON forms, and the authenticator code works as before. Every request
// is a fetch() from this page: a plain form post from a page that sends no referrer would carry
// "Origin: null". Nothing here writes HTML; messages are text, in the page's language: the
// server's answers, or the page's own from the data-stopped and data-failed attributes.
(function () {
  'use strict';
  var supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function';

  function say(form, text) {
    var alert = document.getElementById('passkey-alert');
    if (!alert) {
      alert = document.createElement('p');
      alert.id = 'passkey-alert';
      alert.setAttribute('role', 'alert');
      form.parentNode.insertBefore(alert, form);
    }
    alert.textContent = text;
  }

  async function post(url, fields) {
    var response = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    var body = {};
    try {
      body = await response.json();
    } catch (e) {
      body = {};
    }
    return { ok: response.ok, body: body || {} };
  }

  function token(form) {
    return form.elements.__RequestVerificationToken.value;
  }

  // Runs one ceremony: options from the server, the browser's credential, the server's verdict.
  // texts: the element whose data-stopped and data-failed say what went wrong.
  async function ceremony(form, button, texts, optionsUrl, optionsFields, ask, finishUrl, finishFields) {
    var stopped = texts.dataset.stopped;
    var failed = texts.dataset.failed;
    button.disabled = true;
    try {
      var options = await post(optionsUrl, optionsFields);
      if (!options.ok) {
        say(form, options.body.error || failed);
        return;
      }

      var credential;
      try {
        credential = await ask(options.body);
      } catch (e) {
        say(form, stopped);
        return;
      }

      finishFields.set('credential', JSON.stringify(credential));
      finishFields.set('__RequestVerificationToken', token(form));
      var result = await post(finishUrl, finishFields);
      if (result.ok && result.body.location) {
        window.location.assign(result.body.location);
        return;
      }

      say(form, result.body.error || failed);
    } catch (e) {
      say(form, failed);
    } finally {
      button.disabled = false;
    }
  }

  if (!supported) {
    return;
  }

  var use = document.getElementById('use-passkey');
  if (use) {
    use.hidden = false;
    use.addEventListener('click', function () {
      var form = use.form;
      if (!form.elements.userName.reportValidity() || !form.elements.password.reportValidity()) {
        return;
      }

      var fields = new URLSearchParams();
      fields.set('userName', form.elements.userName.value);
      fields.set('password', form.elements.password.value);
      fields.set('__RequestVerificationToken', token(form));
      var finish = new URLSearchParams();
      finish.set('returnUrl', form.elements.returnUrl.value);
      ceremony(form, use, use, use.dataset.options, fields, function (json) {
        return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
      }, use.dataset.finish, finish);
    });
  }

  var add = document.getElementById('passkey-add');
  if (add) {
    add.hidden = false;
    var unsupported = document.getElementById('passkey-unsupported');
    if (unsupported) {
      unsupported.hidden = true;
    }

    add.addEventListener('submit', function (event) {
      event.preventDefault();
      var finish = new URLSearchParams();
      finish.set('name', add.elements.name.value);
      ceremony(add, add.querySelector('button[type="submit"]'), add, add.getAttribute('action'), new FormData(add), function (json) {
        return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
      }, add.dataset.finish, finish);
    });
  }
})();
