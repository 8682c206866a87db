#!/usr/bin/env python3
"""Seeds the web pages' scenario (bench/load/run.sh, SCENARIOS=pages) through the API, after seed.py.

    seed_pages.py HTTPS_BASE API_BASE CA_FILE WORKDIR CASES NOTES SERVICES

As the social worker of seed.py (WORKDIR/worker.json, worker.id): registers CASES beneficiaries and opens a case
for each, assigned to that worker (their caseload: seed.py's cases are unassigned and not in it), opened on dates
spread over the last 400 days so that some are quiet and some are not. On the first of them it then starts
SERVICES services (the types in turn, each type's earlier episode ended before the next starts, so at most one
of a type is ongoing) and adds NOTES notes of about 600 characters (every fifth one restricted; the author reads
it). Writes WORKDIR/pages.case (that case's id) and pages.cases.ids (all of them).
Standard library only; the seeding is a Python loop, only the load generator has to be wrk.
"""
import concurrent.futures, datetime, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed, signin  # noqa: E402

TYPES = ["Residential", "DayCentre", "Reintegration", "CriminalProcedureAssistance", "Repatriation", "Counselling"]
SENTENCE = ("Met the beneficiary at the day centre; discussed the next steps of the reintegration plan, "
            "the documents still missing for the hearing and the transport to the clinic. ")


def main(https_base, api_base, ca_file, workdir, cases, notes, services):
    cases, notes, services = int(cases), int(notes), int(services)
    creds_path = os.path.join(workdir, "worker.json")
    with open(creds_path) as file:
        creds = json.load(file)
    creds.update(signin.token_request(signin.Browser(https_base, ca_file), {
        "grant_type": "refresh_token", "refresh_token": creds["refresh_token"], "client_id": signin.CLIENT_ID}))
    signin.save(creds_path, creds)
    with open(os.path.join(workdir, "worker.id")) as file:
        worker = file.read().strip()
    api = seed.Api(api_base, ca_file, creds["access_token"])
    today = datetime.date.today()

    def one(i):
        person = api.post("/api/v1/beneficiaries", seed.beneficiary("Page", i))["id"]
        opened = (today - datetime.timedelta(days=1 + (i * 37) % 400)).isoformat()
        return api.post("/api/v1/cases", {"beneficiaryId": person, "openedOn": opened, "assignedWorkerId": worker})["id"]

    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(one, range(cases)))
    big = ids[0]
    # The first case was opened 1 day ago; its services and notes are all dated from then to today.
    opened = today - datetime.timedelta(days=1)
    ongoing = {}
    for i in range(services):
        kind = TYPES[i % len(TYPES)]
        if kind in ongoing:
            api.post(f"/api/v1/cases/{big}/services/{ongoing.pop(kind)}/end", {"endDate": today.isoformat()}, expect=200)
        ongoing[kind] = api.post(f"/api/v1/cases/{big}/services", {"type": kind, "startDate": opened.isoformat()})["id"]
    for i in range(notes):
        content = f"Note {i + 1}. " + SENTENCE * 3 + f"Next contact agreed for week {i % 52 + 1}."
        api.post(f"/api/v1/cases/{big}/notes", {"sensitivity": "Restricted" if i % 5 == 4 else "Ordinary", "content": content})
    seed.write_lines(os.path.join(workdir, "pages.case"), [big])
    seed.write_lines(os.path.join(workdir, "pages.cases.ids"), ids)
    print(f"seed: {cases} cases assigned to worker.bench; case {big} with {services} services "
          f"({len(ongoing)} ongoing) and {notes} notes, in {time.time() - started:.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 8:
        sys.exit(__doc__)
    main(*sys.argv[1:])
