#!/usr/bin/env python3
"""Development helper: signs a demo user in through the real endpoints (authorization code + PKCE,
enrolling the authenticator on first use) and prints an access token for curl.

    python3 scripts/dev-sign-in.py socialworker.north 'PASSWORD' [AUTHENTICATOR_KEY]

Only for the Development server on http://localhost:5214, whose seeding printed the passwords.
On first sign-in it prints the authenticator key it enrolled: pass it next time. A code works
once, so wait for the next 30-second code between two sign-ins of the same user.
"""
import sys, re, hmac, hashlib, struct, time, base64, json, secrets, html
import urllib.request, urllib.parse, urllib.error, http.cookiejar

BASE = "http://localhost:5214"
CLIENT_ID = "api-reference"
REDIRECT_URI = BASE + "/scalar/v1"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)


def call(url, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        response = opener.open(urllib.request.Request(url if url.startswith("http") else BASE + url, data=data))
        return response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location"), error.read().decode()


def totp(key):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def field(page, name):
    # The language switch's form (to /culture) has a returnUrl and a token of its own: read the page's other forms.
    page = re.sub(r'<form[^>]*action="/culture".*?</form>', "", page, flags=re.S)
    return html.unescape(re.search(f'name="{re.escape(name)}" value="([^"]*)"', page).group(1))


def failure(page, status, key):
    """The reason the server gave, and the usual cause: a code is accepted once per 30-second step."""
    alert = re.search(r'<p role="alert">([^<]*)</p>', page)
    reason = html.unescape(alert.group(1)) if alert else f"HTTP {status}"
    hint = ""
    if key:
        wait = 30 - int(time.time()) % 30
        hint = (f"\nAn authenticator code works once: if this user signed in during the current 30-second step, "
                f"run again in {wait} s, when the next code starts.")
    return f"{reason}{hint}"


def main(user, password, key=None):
    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    query = urllib.parse.urlencode({"client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT_URI,
                                    "scope": "api", "code_challenge": challenge, "code_challenge_method": "S256", "state": "cli"})
    _, login_url, _ = call("/connect/authorize?" + query)
    _, _, page = call(login_url)
    status, location, page = call("/account/login", {"userName": user, "password": password, "code": totp(key) if key else "",
                                                     "returnUrl": field(page, "returnUrl"),
                                                     "__RequestVerificationToken": field(page, "__RequestVerificationToken")})
    if status != 302:
        sys.exit(failure(page, status, key))
    if location.startswith("/account/enrol"):
        _, _, page = call(location)
        key = re.search('<code id="shared-key">([^<]+)</code>', page).group(1)
        print(f"Enrolled authenticator key (keep it for next time): {key}", file=sys.stderr)
        status, location, page = call("/account/enrol", {"code": totp(key), "returnUrl": field(page, "returnUrl"),
                                                          "__RequestVerificationToken": field(page, "__RequestVerificationToken")})
        if status != 302:
            sys.exit(failure(page, status, key))
    _, callback, _ = call(location)
    code = urllib.parse.parse_qs(urllib.parse.urlparse(callback).query)["code"][0]
    _, _, body = call("/connect/token", {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
                                         "client_id": CLIENT_ID, "code_verifier": verifier})
    print(json.loads(body)["access_token"])


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
