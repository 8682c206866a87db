#!/usr/bin/env python3
"""Sign-in for the load harness (bench/load/run.sh), through the real endpoints as a browser does.

    signin.py accept BASE CA_FILE USER LINK CREDS.json     accept an invitation, then sign in; CREDS gets
                                                           {user, password, key, access_token, refresh_token}
    signin.py refresh BASE CA_FILE CREDS.json              redeem the refresh token (it works once) and
                                                           rewrite CREDS with the new pair; prints the access token
    signin.py web BASE CA_FILE CREDS.json COOKIE PATH...   sign in to the web pages (password and code at
                                                           /account/login), open each PATH as a browser would (so
                                                           the jar also holds the antiforgery cookie), and write
                                                           the jar as one Cookie header value to COOKIE (mode 0600)

BASE is the https address (the /connect endpoints refuse plain http outside Development).
Standard library only, in the style of scripts/dev-sign-in.py.
"""
import base64, hashlib, hmac, html, http.cookiejar, json, os, re, secrets, ssl, struct, sys, time
import urllib.error, urllib.parse, urllib.request

CLIENT_ID = "bench-web"
REDIRECT_URI = "http://localhost/callback"
SCOPES = "openid profile api offline_access"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One cookie jar, no redirects followed: each step of the flow is read on its own."""

    def __init__(self, base, ca_file):
        self.base = base.rstrip("/")
        context = ssl.create_default_context(cafile=ca_file)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect,
            urllib.request.HTTPSHandler(context=context))

    def cookie_header(self):
        """The jar as a Cookie header, for a client that keeps no jar (wrk, curl): every cookie, the Secure ones included."""
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)

    def call(self, url, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url if url.startswith("http") else self.base + url, data=data)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location"), error.read().decode()


def totp(key, step_offset=0):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(time.time()) // 30 + step_offset), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def field(page, name):
    # The language switch's form (to /culture) has a returnUrl and a token of its own: read the page's other forms.
    page = re.sub(r'<form[^>]*action="/culture".*?</form>', "", page, flags=re.S)
    match = re.search(f'name="{re.escape(name)}" value="([^"]*)"', page)
    if not match:
        fail(f"no field {name} in the page", page)
    return html.unescape(match.group(1))


def fail(what, page=""):
    alert = re.search(r'<p role="alert">([^<]*)</p>', page or "")
    sys.exit(f"signin: {what}" + (f": {html.unescape(alert.group(1))}" if alert else (f": {page[:300]}" if page else "")))


def accept(browser, link, password):
    """Open the link, choose a password, enrol the authenticator (with the previous step's code: the sign-in uses the current one)."""
    token = link.split("#", 1)[1]
    _, _, landing = browser.call("/account/invitation")
    status, _, setup = browser.call("/account/invitation", {"token": token, "__RequestVerificationToken": field(landing, "__RequestVerificationToken")})
    if status != 200:
        fail(f"open invitation: HTTP {status}", setup)
    key = re.search(r'<code id="shared-key">([A-Z2-7]+)</code>', setup).group(1)
    status, _, done = browser.call("/account/invitation", {
        "token": field(setup, "token"), "password": password, "repeat": password, "code": totp(key, -1),
        "__RequestVerificationToken": field(setup, "__RequestVerificationToken")})
    if status != 200 or "recovery-codes" not in done:
        fail(f"accept invitation: HTTP {status}", done)
    return key


def sign_in(browser, user, password, key):
    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    query = urllib.parse.urlencode({"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT_URI, "scope": SCOPES,
                                    "code_challenge": challenge, "code_challenge_method": "S256", "state": "s"})
    status, login_url, page = browser.call("/connect/authorize?" + query)
    if status != 302:
        fail(f"authorize: HTTP {status}", page)
    _, _, page = browser.call(login_url)
    status, location, page = browser.call("/account/login", {
        "userName": user, "password": password, "code": totp(key), "returnUrl": field(page, "returnUrl"),
        "__RequestVerificationToken": field(page, "__RequestVerificationToken")})
    if status != 302:
        fail(f"login: HTTP {status} (a code works once per 30-s step)", page)
    status, callback, page = browser.call(location)
    if status != 302 or not callback.startswith(REDIRECT_URI):
        fail(f"authorize after login: HTTP {status}", page)
    code = urllib.parse.parse_qs(urllib.parse.urlparse(callback).query)["code"][0]
    return token_request(browser, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
                                   "client_id": CLIENT_ID, "code_verifier": verifier})


def web_sign_in(browser, user, password, key, return_url="/caseload"):
    """A person signing in to the pages: the login form with password and code, a 302 back to return_url, the sign-in
    cookie in the jar. A code works once per 30-s step: if this step's was used (by the sign-in just before), the next one."""
    for attempt in range(2):
        _, _, page = browser.call("/account/login?" + urllib.parse.urlencode({"returnUrl": return_url}))
        status, location, answer = browser.call("/account/login", {
            "userName": user, "password": password, "code": totp(key), "returnUrl": field(page, "returnUrl"),
            "__RequestVerificationToken": field(page, "__RequestVerificationToken")})
        if status == 302 and location == return_url:
            if not any(cookie.name == "casemanagement.signin" for cookie in browser.jar):
                fail("web sign-in: no casemanagement.signin cookie after the login")
            return
        if attempt == 0 and status == 200:
            time.sleep(30 - time.time() % 30 + 1)
            continue
        fail(f"web sign-in: HTTP {status} to {location}", answer)


def token_request(browser, form):
    status, _, body = browser.call("/connect/token", form)
    if status != 200:
        fail(f"token endpoint: HTTP {status}", body)
    answer = json.loads(body)
    return {"access_token": answer["access_token"], "refresh_token": answer.get("refresh_token")}


def save(path, creds):
    # Tokens and the password are secrets: readable by this user only.
    descriptor = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(creds, file)
    os.replace(path + ".tmp", path)


def main(argv):
    if len(argv) == 7 and argv[1] == "accept":
        _, _, base, ca_file, user, link, creds_path = argv
        browser = Browser(base, ca_file)
        password = "load harness walk " + secrets.token_hex(6)
        key = accept(browser, link, password)
        creds = {"user": user, "password": password, "key": key, **sign_in(browser, user, password, key)}
        save(creds_path, creds)
        print(creds["access_token"])
    elif len(argv) == 5 and argv[1] == "refresh":
        _, _, base, ca_file, creds_path = argv
        with open(creds_path) as file:
            creds = json.load(file)
        creds.update(token_request(Browser(base, ca_file), {"grant_type": "refresh_token", "refresh_token": creds["refresh_token"],
                                                             "client_id": CLIENT_ID}))
        save(creds_path, creds)
        print(creds["access_token"])
    elif len(argv) >= 6 and argv[1] == "web":
        base, ca_file, creds_path, cookie_path, paths = argv[2], argv[3], argv[4], argv[5], argv[6:]
        with open(creds_path) as file:
            creds = json.load(file)
        browser = Browser(base, ca_file)
        web_sign_in(browser, creds["user"], creds["password"], creds["key"])
        for path in paths:
            status, location, _ = browser.call(path)
            if status != 200:
                fail(f"web: GET {path} after the sign-in: HTTP {status} {location or ''}")
        descriptor = os.open(cookie_path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(browser.cookie_header())
        os.replace(cookie_path + ".tmp", cookie_path)
        print("signin: web session with cookies " + ", ".join(sorted(cookie.name for cookie in browser.jar)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
