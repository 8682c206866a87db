#!/usr/bin/env python3
"""Groups a perf profile of the API by what the sampled code was doing (bench/load/run.sh, PROFILE=1).

    perf script -i perf.data -F comm,tid,ip,sym | perf_groups.py -

Each sample goes to the innermost frame of its stack that matches one of GROUPS (so an EF query under the timeline
handler counts as the handler's only where the handler's frame is on that stack: after an await, a continuation's
stack often starts in EF or Npgsql, and then it counts there). The samples that land in EF Core or Npgsql with no
application frame beneath are broken down once more by EF_PARTS. Needs the JIT's perf map (DOTNET_PerfMapEnabled=1)
in /tmp while perf script runs. Standard library only.
"""
import collections, re, sys

GROUPS = [
    ("field decryption (FieldEnvelope, AES-GCM)", r"FieldEnvelope|AesGcm|FieldEncryptor|DecryptingInstantiation"),
    ("data protection (cookies, antiforgery, session ticket)", r"DataProtection|KeyRingBasedDataProtector|AuthenticatedEncryptor"),
    ("antiforgery", r"Antiforgery"),
    ("localisation", r"Localiz|ResourceManager|ResourceReader"),
    ("logging", r"Microsoft\.Extensions\.Logging|LoggingBehaviour|ConsoleLogger"),
    ("web session store", r"WebSessionStore"),
    ("access check", r"UserAccess|CookieSessionCap|SessionStamp"),
    ("cookie authentication (other)", r"CookieAuthenticationHandler|AuthenticationMiddleware|AuthenticationHandler|TicketSerializer"),
    ("audit trail", r"AuditTrail|AuditChain|AuditAppender|Auditing\."),
    ("GetTimeline handler", r"GetTimelineHandler"),
    ("GetBeneficiary handler", r"GetBeneficiaryHandler"),
    ("ListServices handler", r"ListServicesHandler"),
    ("GetCase handler", r"GetCaseHandler"),
    ("GetMyCaseload handler", r"GetMyCaseloadHandler"),
    ("pipeline behaviours, validation", r"Behaviours\.|Mediator|Validator|FluentValidation"),
    ("Blazor rendering", r"Microsoft\.AspNetCore\.Components|CaseManagement\.Web\.(Pages|Layout|Shared)|HtmlRendering"),
    ("EF Core / Npgsql, no application frame beneath", r"EntityFrameworkCore|Npgsql"),
    ("Kestrel, HTTP, routing", r"Kestrel|Microsoft\.AspNetCore\.(Http|Routing|Server|Hosting)"),
]
EF_PARTS = [
    ("query cache key, parameter extraction, compilation", r"ExpressionEqualityComparer|CompiledQueryCache|QueryCompiler|ParameterExtracting|ExpressionTreeFuncletizer|QueryTranslation|ExpressionVisitor|ParameterBasedSqlProcessor|QuerySqlGenerator"),
    ("SaveChanges, change tracking", r"SaveChanges|ChangeDetector|StateManager|InternalEntityEntry|CommandBatch|ModificationCommand|UpdateSqlGenerator"),
    ("materialisation", r"Shaper|Materializ|SingleQueryingEnumerable.*MoveNextAsync|BufferedDataReader|RelationalDataReader"),
    ("DbContext creation and disposal, DI", r"DbContextPool|DbContext::\.ctor|DbContext::Dispose|DbSetInitializer|ServiceProvider|ServiceLookup|DbContextLease|ContextServices|InitializeSets"),
    ("connection open and close", r"RelationalConnection.*Open|RelationalConnection.*Close|NpgsqlConnection::Open|NpgsqlConnection::Close|PoolingDataSource|Reset"),
    ("writing commands", r"SqlQueryParser|NpgsqlParameter|WriteBuffer|ProcessParameters|PgWriter|BindMessage"),
    ("reading results, socket", r"ReadBuffer|ReadMessage|NpgsqlDataReader|PgReader|Socket"),
    ("command creation, diagnostics", r"RelationalCommand|Diagnostics|Interceptor|Logger"),
]
groups = [(name, re.compile(pattern)) for name, pattern in GROUPS]
ef_parts = [(name, re.compile(pattern)) for name, pattern in EF_PARTS]
EF = GROUPS[-2][0]
counts, parts, leaves = collections.Counter(), collections.Counter(), collections.Counter()
total = 0


def add(frames):
    global total
    if not frames:
        return
    total += 1
    leaves["kernel" if frames[0].startswith("ffff") else "user"] += 1
    for frame in frames:
        for name, pattern in groups:
            if pattern.search(frame):
                counts[name] += 1
                if name == EF:
                    # The innermost frame that names a part (QueryCompiler, say, is an ancestor of all of a query's work).
                    parts[next((part for f in frames for part, p in ef_parts if p.search(f)), "other")] += 1
                return
    counts["no managed frame matched (kernel, GC, runtime, thread pool)"] += 1


frames = []
for line in (sys.stdin if sys.argv[1:] in ([], ["-"]) else open(sys.argv[1], errors="replace")):
    if line.startswith(("\t", " ")) and line.strip():
        frames.append(line.strip())
    else:
        add(frames)
        frames = []
add(frames)
if not total:
    sys.exit("perf_groups: no samples")
print(f"{total} samples; kernel at the leaf {leaves['kernel'] * 100 / total:.1f}%")
for name, count in counts.most_common():
    print(f"{count * 100 / total:6.1f}%  {name}")
print(f"\nof which, {EF}:")
for name, count in parts.most_common():
    print(f"{count * 100 / total:6.1f}%  {name}")
