#!/usr/bin/env python3
"""Turns a load harness run (bench/load/run.sh) into OUT/summary.md and OUT/summary.json.

    report.py OUT

Reads OUT/meta.json, OUT/runs.jsonl (one line per wrk run: its WRKJSON result, CPU ticks and RSS of
the API and the floor, audit rows added, log bytes), OUT/outage/, OUT/crash/, OUT/soak/ and
OUT/final.json. Round 0 is a warm-up and is left out. Figures per cell are medians over the rounds;
non-2xx and socket errors are sums. Standard library only.
"""
import glob, json, os, statistics, sys
from collections import defaultdict


def load_json(path, default=None):
    try:
        with open(path) as file:
            return json.load(file)
    except (OSError, ValueError):
        return default


def rps(w):
    return w["requests"] / (w["duration_us"] / 1e6) if w and w["duration_us"] else 0.0


def socket_errors(w):
    return w["connect"] + w["read"] + w["write"] + w["timeout"]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(runs, clk_tck):
    """One cell: medians over rounds of throughput, latency and CPU per request; sums of errors."""
    cell = {
        "rounds": len(runs),
        "rps": median(rps(r["wrk"]) for r in runs),
        "rps_each": [round(rps(r["wrk"]), 1) for r in runs],
        "p50_ms": median(r["wrk"]["p50"] / 1e3 for r in runs),
        "p95_ms": median(r["wrk"]["p95"] / 1e3 for r in runs),
        "p99_ms": median(r["wrk"]["p99"] / 1e3 for r in runs),
        "max_ms": max(r["wrk"]["max"] / 1e3 for r in runs),
        "requests": sum(r["wrk"]["requests"] for r in runs),
        "non_2xx": sum(r["wrk"]["status_err"] for r in runs),
        "socket_errors": sum(socket_errors(r["wrk"]) for r in runs),
        "timeouts": sum(r["wrk"]["timeout"] for r in runs),
        "api_cpu_ms_per_req": median(r["api_ticks"] / clk_tck * 1e3 / r["wrk"]["requests"] if r["wrk"]["requests"] else None for r in runs),
        "floor_cpu_ms_per_req": median(r["floor_ticks"] / clk_tck * 1e3 / r["wrk"]["requests"] if r["wrk"]["requests"] else None for r in runs),
        "db_cpu_ms_per_req": median(r["db_ticks"] / clk_tck * 1e3 / r["wrk"]["requests"] if r["wrk"]["requests"] and "db_ticks" in r else None
                                    for r in runs),
        "api_rss_mb": max(r["api_rss_kb"] for r in runs) / 1024,
        "floor_rss_mb": max(r["floor_rss_kb"] for r in runs) / 1024,
        "log_bytes_per_req": median(r["log_bytes"] / r["wrk"]["requests"] if r["wrk"]["requests"] else None for r in runs),
        "log_errors": sum(r.get("log_errors", 0) for r in runs),
        "loadavg_max": max((r.get("loadavg", 0) for r in runs), default=0),
    }
    # Served reads or writes (answered below 400) against audit rows added: each must have left one.
    deltas = [(r["audit_delta"], r["wrk"]["requests"] - r["wrk"]["status_err"]) for r in runs if r.get("audit_delta") is not None]
    if deltas:
        cell["audit_delta"] = sum(d for d, _ in deltas)
        cell["served"] = sum(s for _, s in deltas)
        cell["audit_minus_served"] = [d - s for d, s in deltas]
    return cell


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def lat(cell):
    return f"{fmt(cell['p50_ms'])} / {fmt(cell['p95_ms'])} / {fmt(cell['p99_ms'])}"


def timeline(pattern):
    """Per second: {status: [count, with_retry_after]} from the Lua scripts' timeline files."""
    seconds = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for path in glob.glob(pattern):
        with open(path) as file:
            for line in file:
                parts = line.split()
                if len(parts) == 4:
                    second, status, count, retry = map(int, parts)
                    seconds[second][status][0] += count
                    seconds[second][status][1] += retry
    return seconds


def fault_window(seconds, t_stop, t_start):
    """Statuses during and after the outage, and when answers were all 2xx again (seconds after the database returned)."""
    by_status = defaultdict(lambda: [0, 0])
    for second, statuses in seconds.items():
        if second >= int(t_stop):
            for status, (count, retry) in statuses.items():
                by_status[status][0] += count
                by_status[status][1] += retry
    after = sorted(s for s in seconds if s >= int(t_start))
    bad = [s for s in after if any(not 200 <= status < 300 for status in seconds[s])]
    if not bad:
        recovered = 0.0 if after else None
    elif bad[-1] < after[-1]:
        recovered = max(0.0, bad[-1] + 1 - t_start)  # all seconds after the last bad one were 2xx
    else:
        recovered = None  # still failing when the load stopped
    return {str(k): {"count": v[0], "with_retry_after": v[1]} for k, v in sorted(by_status.items())}, recovered


def main(out):
    meta = load_json(os.path.join(out, "meta.json"), {})
    clk = meta.get("clk_tck", 100)
    runs = []
    if os.path.exists(os.path.join(out, "runs.jsonl")):
        with open(os.path.join(out, "runs.jsonl")) as file:
            runs = [json.loads(line) for line in file if line.strip()]
    measured = [r for r in runs if r["round"] > 0]
    groups = defaultdict(list)
    for r in measured:
        groups[(r["scenario"], r["target"], r["endpoint"], r["conns"])].append(r)
    cells = {"|".join(map(str, k)): summarise(v, clk) for k, v in sorted(groups.items())}
    summary = {"meta": meta, "cells": cells}
    md = [f"# Load harness run {os.path.basename(out)}", "",
          f"Commit {meta.get('commit')}{' (src changed)' if meta.get('dirty') else ''}"
          f"{' (the harness; the API came from ' + meta['api_dir'] + ', built apart)' if meta.get('api_dir') and not meta['api_dir'].startswith('/tmp/casemgmt-load.') else ''}, {meta.get('cores')} cores, wrk {meta.get('wrk')} -t2, "
          f"{meta.get('rounds')} rounds of {meta.get('dur')} after {meta.get('warm')} warm-ups, N={meta.get('n')} seeded, "
          f"RSA {meta.get('cert_bits')}-bit signing and TLS certificates, PostgreSQL fsync={meta.get('pg_fsync')}, load to {meta.get('load_base')}"
          + (f", API_ENV `{meta.get('api_env')}`" if meta.get("api_env") else "") + ".",
          f"Load average at the start {meta.get('loadavg_start')}; the largest 1-minute load average after a measured run "
          f"{fmt(max((r.get('loadavg', 0) for r in measured), default=None), 2)} (wrk and the server share the cores; more means another process competed).", "",
          "Latencies in ms (p50 / p95 / p99, medians over rounds); CPU in ms per request from /proc/PID/stat (utime+stime); DB CPU: "
          "the PostgreSQL cluster's processes together; "
          "RSS is the largest after a run; non-2xx and socket errors are sums over the rounds.", ""]

    reads = sorted({(k[2], k[3]) for k in groups if k[0] == "read"}, key=lambda e: (e[1], e[0]))
    if reads:
        md += ["## Reads: API against the floor", "",
               "| Endpoint | -c | API req/s | Floor req/s | Ratio | API p50/p95/p99 | Floor p50/p95/p99 | API non-2xx | API socket err | Floor non-2xx | API CPU ms/req | Floor CPU ms/req | DB CPU ms/req (API / floor) | API RSS MB | Audit Δ − served | Log B/req | Log fail lines |",
               "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for endpoint, conns in reads:
            api = cells.get(f"read|api|{endpoint}|{conns}")
            floor = cells.get(f"read|floor|{endpoint}|{conns}")
            if not api or not floor:
                continue
            ratio = api["rps"] / floor["rps"] if floor["rps"] else None
            api["ratio"] = ratio
            md.append(f"| GET {endpoint} | {conns} | {fmt(api['rps'], 0)} | {fmt(floor['rps'], 0)} | {fmt(ratio, 3)} | {lat(api)} | {lat(floor)} | "
                      f"{fmt(api['non_2xx'])} | {fmt(api['socket_errors'])} | {fmt(floor['non_2xx'])} | {fmt(api['api_cpu_ms_per_req'], 2)} | "
                      f"{fmt(floor['floor_cpu_ms_per_req'], 3)} | {fmt(api['db_cpu_ms_per_req'], 2)} / {fmt(floor['db_cpu_ms_per_req'], 3)} | "
                      f"{fmt(api['api_rss_mb'], 0)} | {api.get('audit_minus_served', '–')} | "
                      f"{fmt(api['log_bytes_per_req'], 0)} | {fmt(api['log_errors'])} |")
        md += ["", "Audit Δ − served: Read/Success audit rows added during each round minus requests answered below 400; "
               "0 ≤ value ≤ -c is right (wrk drops the answers still in flight when it stops), below 0 means served reads without an entry.", ""]

    writes = sorted(k[3] for k in groups if k[0] == "write")
    if writes:
        md += ["## Writes: POST /api/v1/beneficiaries", "",
               "| -c | req/s | p50/p95/p99 | max | non-2xx | socket err | CPU ms/req | DB CPU ms/req | RSS MB | Audit Δ − created | Log B/req | Log fail lines |",
               "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for conns in writes:
            w = cells[f"write|api|register|{conns}"]
            md.append(f"| {conns} | {fmt(w['rps'], 0)} | {lat(w)} | {fmt(w['max_ms'], 0)} | {fmt(w['non_2xx'])} | {fmt(w['socket_errors'])} | "
                      f"{fmt(w['api_cpu_ms_per_req'], 2)} | {fmt(w['db_cpu_ms_per_req'], 2)} | {fmt(w['api_rss_mb'], 0)} | {w.get('audit_minus_served', '–')} | "
                      f"{fmt(w['log_bytes_per_req'], 0)} | {fmt(w['log_errors'])} |")
        md.append("")

    pages = [r for r in measured if r["scenario"] == "pages"]
    if pages:
        md += pages_section(meta, runs, pages, cells, clk, load_json(os.path.join(out, "pages", "result.json"), {}))
        summary["pages"] = load_json(os.path.join(out, "pages", "result.json"), {})

    outage = load_json(os.path.join(out, "outage", "result.json"))
    if outage:
        statuses = {}
        recovery = {}
        for name, pattern in (("register", "acks.timeline.*"), ("get", "get.timeline.*")):
            seconds = timeline(os.path.join(out, "outage", pattern))
            statuses[name], recovery[name] = fault_window(seconds, outage["t_stop"], outage["t_start"])
        outage["statuses_from_stop"] = statuses
        outage["recovered_s_after_start"] = recovery
        summary["outage"] = outage
        served_gets = outage["get"]["requests"] - outage["get"]["status_err"] if outage.get("get") else None
        all_statuses = {int(s) for v in statuses.values() for s in v}
        no_500 = not any(s >= 500 and s != 503 for s in all_statuses)
        retry_after = all(v["with_retry_after"] == v["count"] for side in statuses.values() for s, v in side.items() if int(s) == 503)
        md += ["## Outage: PostgreSQL stopped during load", "",
               f"register.lua -c8 and get.lua (cases) -c8 for 60 s; PostgreSQL stopped (`pg_ctl -m fast stop`) at 10 s for {meta.get('outage_secs')} s.", "",
               "| Check | Result |", "|---|---|",
               f"| Answers from the stop on, by status (count, with Retry-After) | register {fmt_statuses(statuses['register'])}; get {fmt_statuses(statuses['get'])} |",
               f"| Only 503 with Retry-After, no 500 | {'yes' if no_500 and retry_after and all_statuses else 'NO'} |",
               f"| All 2xx again, seconds after the database returned | register {fmt(recovery['register'])}, get {fmt(recovery['get'])} (target ≤ 10) |",
               f"| Acknowledged writes missing afterwards | {outage.get('acked_missing')} of {outage.get('acked')} |",
               f"| Served GETs ({fmt(served_gets)}) against Read audit rows added ({fmt(outage.get('read_audit_delta'))}) | {'ok' if served_gets is not None and outage.get('read_audit_delta', -1) >= served_gets else 'FEWER ENTRIES'} |",
               f"| API process alive afterwards, readiness | {outage.get('api_alive')}, {outage.get('ready_after')} |",
               f"| API log during the run: bytes, fail/crit lines, Hangfire lines | {fmt(outage.get('log_bytes'))}, {fmt(outage.get('log_errors'))}, {fmt(outage.get('log_hangfire'))} |",
               ""]

    crash = load_json(os.path.join(out, "crash", "result.json"))
    if crash:
        summary["crash"] = crash
        ok = crash.get("acked_missing") == 0 and crash.get("acked_without_audit") == 0 and str(crash.get("verify_audit", "")).startswith("Intact")
        md += ["## Crash: SIGKILL of the API during writes", "",
               "register.lua -c16 for 30 s; the API killed with SIGKILL at 10 s, restarted after the run.", "",
               "| Check | Result |", "|---|---|",
               f"| Answers from wrk: requests, non-2xx, socket errors | {fmt(crash['register']['requests'])}, {fmt(crash['register']['status_err'])}, {fmt(socket_errors(crash['register']))} |" if crash.get("register") else "| Answers from wrk | – |",
               f"| Acknowledged (201) writes | {fmt(crash.get('acked'))} |",
               f"| Missing afterwards | {fmt(crash.get('acked_missing'))} |",
               f"| Without their Create audit entry | {fmt(crash.get('acked_without_audit'))} |",
               f"| Restart to ready | {fmt(crash['t_ready'] - crash['t_restart'])} s |",
               f"| verify-audit (organisation) after restart | {crash.get('verify_audit')} |",
               f"| Pass | {'yes' if ok else 'NO'} |", ""]

    soak_runs = [r for r in runs if r["scenario"] == "soak"]
    if soak_runs:
        samples = []
        path = os.path.join(out, "soak", "rss.csv")
        if os.path.exists(path):
            with open(path) as file:
                next(file, None)
                samples = [tuple(int(x) for x in line.strip().split(",")) for line in file if line.strip()]
        requests = sum(r["wrk"]["requests"] for r in soak_runs)
        seconds = sum(r["wrk"]["duration_us"] for r in soak_runs) / 1e6
        errors = sum(r["wrk"]["status_err"] + socket_errors(r["wrk"]) for r in soak_runs)
        rss = [s[1] / 1024 for s in samples]
        soak = {"requests": requests, "seconds": seconds, "rps": requests / seconds if seconds else None, "errors": errors,
                "p99_ms": max(r["wrk"]["p99"] for r in soak_runs) / 1e3, "rss_mb": [round(x, 1) for x in rss],
                "statuses": {str(k): v for k, v in soak_statuses(os.path.join(out, "soak", "timeline.*")).items()}}
        growth = (rss[-1] - rss[0]) / rss[0] if len(rss) > 1 and rss[0] else None
        soak["rss_growth"] = growth
        summary["soak"] = soak
        md += ["## Soak: steady mixed load (80% GET case, 20% register)", "",
               f"-c{meta.get('soak_conns')} with a {meta.get('soak_delay_ms')} ms pause per request, {fmt(seconds, 0)} s.", "",
               "| Check | Result |", "|---|---|",
               f"| Rate | {fmt(soak['rps'], 1)} req/s, {fmt(requests)} requests |",
               f"| Errors (non-2xx + socket) | {fmt(errors)} (statuses {soak['statuses']}) |",
               f"| Worst p99 of a segment | {fmt(soak['p99_ms'])} ms |",
               f"| RSS every 60 s, MB | {', '.join(fmt(x, 0) for x in rss)} |",
               f"| RSS growth first→last, max | {fmt(growth * 100 if growth is not None else None)} %, {fmt(max(rss) if rss else None, 0)} MB (target flat, < 300 MB) |", ""]

    final = load_json(os.path.join(out, "final.json"), {})
    summary["final"] = final
    md += ["## After the run", "",
           f"- verify-audit, organisation chain: `{final.get('organisation')}`",
           f"- verify-audit, platform chain: `{final.get('platform')}`",
           f"- API RSS at the end: {fmt(final.get('api_rss_kb_end', 0) / 1024, 0)} MB; API log: {fmt(final.get('api_log_bytes'))} bytes",
           f"- Load average at the end: {final.get('loadavg_end', '–')}", ""]

    with open(os.path.join(out, "summary.json"), "w") as file:
        json.dump(summary, file, indent=1)
    with open(os.path.join(out, "summary.md"), "w") as file:
        file.write("\n".join(md))
    print("\n".join(md))


PAGE_NAMES = {("web", "case"): "page /cases/{id}", ("api", "timeline"): "GET /api/v1/cases/{id}/timeline",
              ("api", "case"): "GET /api/v1/cases/{id}", ("web", "caseload"): "page /caseload", ("api", "caseload"): "GET /api/v1/me/caseload"}


def statement_kinds(kinds):
    if not isinstance(kinds, dict):
        return fmt(kinds)
    names = {"reads": "reads", "audit": "audit appends", "resets": "pool resets", "begin_commit": "BEGIN/COMMIT", "hangfire": "Hangfire's", "other": "other"}
    parts = ", ".join(f"{kinds[k]} {v}" for k, v in names.items() if kinds.get(k))
    return f"{kinds.get('all')} ({parts})" if parts else str(kinds.get("all"))


def pages_section(meta, runs, pages, cells, clk, result):
    """The web pages against the goal (p95 at -cPAGES_CONNS), each round apart, with the JSON reads beside them."""
    goal = meta.get("pages_goal_ms", 150)
    conns = meta.get("pages_conns")
    seen = {(r["target"], r["endpoint"]) for r in pages}
    extras = sorted(k for k in seen if k not in PAGE_NAMES)  # PAGES_EXTRA: variant pages, measured after the case page
    names = {**PAGE_NAMES, **{k: f"page {k[1]} (extra)" for k in extras}}
    order = [k for k in PAGE_NAMES if k in seen]
    order[1:1] = extras
    md = ["## Web pages (issue 13)", "",
          f"-c{conns}, the case page's case with {result.get('notes_seen')} notes and {result.get('services_seen')} services "
          f"({fmt(result.get('case_bytes'))} bytes of HTML), the caseload page with {result.get('caseload_seen')} cases "
          f"({fmt(result.get('caseload_bytes'))} bytes). PostgreSQL: {meta.get('pg_settings')}. "
          f"PostgreSQL statements logged for one view (log_statement=all): case page {statement_kinds(result.get('statements_case'))}; "
          f"caseload page {statement_kinds(result.get('statements_caseload'))}; an idle window of the same length {statement_kinds(result.get('statements_idle'))}.", "",
          f"| What | req/s | p50 / p95 / p99 ms | p95 each round | max ms | non-200 (short) | API CPU ms/req | DB CPU ms/req | Audit entries/req | Load avg | p95 < {goal} ms: median, every round |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
    for target, endpoint in order:
        cell = cells.get(f"pages|{target}|{endpoint}|{conns}")
        rounds = sorted((r for r in pages if (r["target"], r["endpoint"]) == (target, endpoint)), key=lambda r: r["round"])
        if not cell:
            continue
        bad = sum(r["wrk"].get("non200", 0) for r in rounds)
        short = sum(r["wrk"].get("short", 0) for r in rounds)
        served = sum(r["wrk"]["requests"] for r in rounds)
        audit = [r["audit_delta"] for r in rounds if r.get("audit_delta") is not None]
        per = sum(audit) / served if audit and served else None
        worst = max(r["wrk"]["p95"] / 1e3 for r in rounds)
        cell.update({"non200": bad, "short": short, "audit_per_req": per, "p95_each": [r["wrk"]["p95"] / 1e3 for r in rounds],
                     "goal_met_median": cell["p95_ms"] < goal, "goal_met_every_round": worst < goal})
        md.append(f"| {names[(target, endpoint)]} | {fmt(cell['rps'], 0)} | {lat(cell)} | {', '.join(fmt(r['wrk']['p95'] / 1e3) for r in rounds)} | "
                  f"{fmt(cell['max_ms'], 0)} | {fmt(bad)} ({fmt(short)}) | {fmt(cell['api_cpu_ms_per_req'], 2)} | {fmt(cell['db_cpu_ms_per_req'], 2)} | "
                  f"{fmt(per, 2)} | {fmt(cell['loadavg_max'], 2)} | {'yes' if cell['p95_ms'] < goal else 'NO'}, {'yes' if worst < goal else 'NO'} |")
    md += ["", "Per round (req/s, p50 / p95 / p99 ms, 1-minute load average after the run):", ""]
    for target, endpoint in order:
        rounds = sorted((r for r in runs if r["scenario"] == "pages" and (r["target"], r["endpoint"]) == (target, endpoint)), key=lambda r: r["round"])
        md.append(f"- {names[(target, endpoint)]}: " + "; ".join(
            f"{'warm-up' if r['round'] == 0 else 'round ' + str(r['round'])} {fmt(rps(r['wrk']), 0)}, "
            f"{fmt(r['wrk']['p50'] / 1e3)} / {fmt(r['wrk']['p95'] / 1e3)} / {fmt(r['wrk']['p99'] / 1e3)} (load {fmt(r.get('loadavg'), 2)})" for r in rounds))
    md += ["", f"Session after the runs: {result.get('session_after')}; answers other than a full 200 over all runs: {result.get('non200_or_short')}.", ""]
    return md


def fmt_statuses(statuses):
    return ", ".join(f"{s}: {v['count']} ({v['with_retry_after']})" for s, v in statuses.items()) or "none"


def soak_statuses(pattern):
    totals = defaultdict(int)
    for statuses in timeline(pattern).values():
        for status, (count, _) in statuses.items():
            totals[status] += count
    return dict(sorted(totals.items()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
