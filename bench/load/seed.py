#!/usr/bin/env python3
"""Seeds the load harness's deployment through the API, as PublishedDeploymentTests.SeedAsync does.

    seed.py HTTPS_BASE HTTP_BASE CA_FILE BOOTSTRAP_LINK N WORKDIR

The platform administrator (from the bootstrap link) registers an organisation; its administrator
invites a social worker, who registers N beneficiaries and opens a case for each. Writes in WORKDIR:
worker.json (the worker's credentials and tokens, mode 0600), worker.id (their user id), org.id, beneficiaries.ids, cases.ids, and
load.base: HTTP_BASE if an access token is accepted over plain http (token validation has no https
requirement, only the /connect endpoints do), else HTTPS_BASE. Sign-in always goes to HTTPS_BASE.
Standard library only; the seeding may be a Python loop, only the load generator has to be wrk.
"""
import concurrent.futures, json, os, ssl, sys, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import signin  # noqa: E402


def beneficiary(tag, i):
    """A valid registration body (the contract refuses unknown members); name and birth date vary, so the duplicate search stays small."""
    return {
        "fullName": f"Bench {tag} Person {i}", "aliases": [], "nationalId": None,
        "dateOfBirth": f"{1960 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "phone": "+40 712 000 000", "address": "Str. Exemplu 1, Iasi", "citizenship": "Romanian",
        "notes": "Registered by the load harness.", "sex": "Female", "ageBandAtIdentification": "From26To35",
        "minorAtIdentification": False, "exploitationTypes": ["Labour"], "countryOfExploitation": "IT",
        "yearOfIdentification": 2025, "referralSource": "Police",
    }


class Api:
    def __init__(self, base, ca_file, token):
        self.base = base.rstrip("/")
        self.token = token
        self.context = ssl.create_default_context(cafile=ca_file)
        self.local = threading.local()

    def get_status(self, path):
        request = urllib.request.Request(self.base + path, headers={"Authorization": "Bearer " + self.token})
        try:
            with urllib.request.urlopen(request, timeout=60, context=self.context if self.base.startswith("https") else None) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError as error:
            return str(error)

    def post(self, path, body, expect=201):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST", headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        for attempt in range(3):
            try:
                with urllib.request.urlopen(request, timeout=60, context=self.context if self.base.startswith("https") else None) as response:
                    answer = json.loads(response.read().decode())
                    if response.status == expect:
                        return answer
                    raise RuntimeError(f"POST {path}: HTTP {response.status} {answer}")
            except urllib.error.HTTPError as error:
                text = error.read().decode()[:400]
                # Today a contended audit append can fail a request (issue 12); the seed retries it, the load never does.
                if error.code >= 500 and attempt < 2:
                    time.sleep(0.5)
                    continue
                raise RuntimeError(f"POST {path}: HTTP {error.code} {text}") from None
        raise RuntimeError(f"POST {path}: gave up")


def write_lines(path, lines):
    with open(path, "w") as file:
        file.write("".join(f"{line}\n" for line in lines))


def main(https_base, http_base, ca_file, link, n, workdir):
    n = int(n)
    creds = os.path.join(workdir, "{}.json")
    platform = signin.Browser(https_base, ca_file)
    password = "load harness walk " + os.urandom(6).hex()
    key = signin.accept(platform, link, password)
    token = signin.sign_in(platform, "first.admin", password, key)["access_token"]
    probe = Api(http_base, ca_file, token).get_status("/api/v1/platform/users/")
    api_base = http_base if probe == 200 else https_base
    print(f"seed: an access token over plain http gets {probe}: the load goes to {api_base}")
    write_lines(os.path.join(workdir, "load.base"), [api_base])
    organisation = Api(api_base, ca_file, token).post("/api/v1/platform/organisations", {"name": "Bench", "adminUserName": "admin.bench"})
    write_lines(os.path.join(workdir, "org.id"), [organisation["id"]])

    admin = signin.Browser(https_base, ca_file)
    password = "load harness walk " + os.urandom(6).hex()
    key = signin.accept(admin, organisation["admin"]["invitationLink"], password)
    token = signin.sign_in(admin, "admin.bench", password, key)["access_token"]
    invited = Api(api_base, ca_file, token).post("/api/v1/admin/users", {"userName": "worker.bench", "roles": ["SocialWorker"]})
    write_lines(os.path.join(workdir, "worker.id"), [invited["id"]])

    worker = signin.Browser(https_base, ca_file)
    password = "load harness walk " + os.urandom(6).hex()
    key = signin.accept(worker, invited["invitationLink"], password)
    tokens = signin.sign_in(worker, "worker.bench", password, key)
    signin.save(creds.format("worker"), {"user": "worker.bench", "password": password, "key": key, **tokens})

    api = Api(api_base, ca_file, tokens["access_token"])

    def one(i):
        person = api.post("/api/v1/beneficiaries", beneficiary("Seed", i))["id"]
        case = api.post("/api/v1/cases", {"beneficiaryId": person, "openedOn": "2025-01-15"})["id"]
        return person, case

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        pairs = list(pool.map(one, range(n)))
    write_lines(os.path.join(workdir, "beneficiaries.ids"), [p for p, _ in pairs])
    write_lines(os.path.join(workdir, "cases.ids"), [c for _, c in pairs])
    print(f"seed: organisation {organisation['id']}, {n} beneficiaries and {n} cases in {time.time() - started:.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
