using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Behaviours;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Telemetry;
using CaseManagement.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Telemetry;

/// <summary>
/// Every span, metric point and log record of a full run, as an OTLP collector would receive them:
/// none holds a personal value, a token, a password or an invitation link, and the signals that
/// operators alert on are all there.
/// </summary>
public sealed partial class TelemetryTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    private readonly List<string> _secrets = [];

    [Fact]
    public async Task A_full_run_exports_spans_metrics_and_logs_without_a_personal_value_or_secret()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        string Canary(string what) => Secret($"{what} Canary {marker}");

        // Sign-in through the real endpoints, and a refresh: the tokens and credentials are canaries.
        var (adminStaff, _) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.OrganisationAdmin);
        var adminTokens = await SignInAsync(adminStaff);
        var admin = fixture.WithToken(adminTokens.AccessToken);
        var (workerStaff, workerId) = await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker);
        var workerTokens = await SignInAsync(workerStaff);
        var refreshed = await (await TokenRequests.RefreshAsync(fixture.Anonymous(), workerTokens.RefreshToken!)).ReadObjectAsync(HttpStatusCode.OK);
        Secret((string)refreshed["access_token"]!);
        Secret((string?)refreshed["refresh_token"]);
        var worker = fixture.WithToken(workerTokens.AccessToken);

        // An invitation: its link and token, and the password the invited person chooses.
        var userName = $"invited.{marker}";
        var invited = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName, roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        var link = Secret((string)invited["invitationLink"]!);
        Secret(InvitationFlow.Token(link));
        var accepted = await InvitationFlow.AcceptAsync(fixture.Host, userName, link, password: Secret("a long walk by the quiet river " + Guid.NewGuid().ToString("N")[..8]));
        Secret(accepted.Staff.AuthenticatorKey);
        accepted.RecoveryCodes.ToList().ForEach(code => Secret(code));

        // A beneficiary registered, read, updated and searched with canary values; a case and a note.
        var body = Beneficiary(Canary("Ioana Telemetry"), nationalId: Secret($"29{marker}"));
        body["phone"] = Secret($"+40 7{marker[..8].Select(c => (c % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).Aggregate(string.Concat)}");
        body["address"] = Canary("Strada Telemetriei 7");
        body["notes"] = Canary("Met at the station");
        body["aliases"] = new JsonArray(Canary("Alias"));
        var beneficiary = await worker.RegisterAsync(body);
        var read = await (await worker.GetAsync($"/api/v1/beneficiaries/{beneficiary}")).ReadObjectAsync(HttpStatusCode.OK);
        body["fullName"] = Canary("Ioana Renamed");
        body["version"] = read["version"]!.DeepClone();
        await (await worker.PutAsync($"/api/v1/beneficiaries/{beneficiary}", Body(body))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostJsonAsync("/api/v1/beneficiaries/search", new { fullName = (string)body["fullName"]! })).StatusCode);
        var caseId = (Guid)(await worker.OpenCaseAsync(beneficiary, fixture.DaysAgo(30)))["id"]!;
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = Canary("Told us about the flat") }))
            .ReadObjectAsync(HttpStatusCode.Created);

        // Refused: invalid input (400, a rejected use case), another's record (404), an admin page (403).
        var invalid = Beneficiary(Canary("Too Long") + new string('x', 300));
        await (await worker.PostAsync("/api/v1/beneficiaries", Body(invalid))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await worker.GetAsync($"/api/v1/beneficiaries/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await worker.GetAsync("/api/v1/admin/users")).ProblemAsync(HttpStatusCode.Forbidden);

        // A note whose ciphertext was altered in the database fails to decrypt.
        await fixture.WithDbAsync(async db =>
        {
            var stored = await db.CaseNotes.IgnoreQueryFilters().Where(n => n.CaseId == caseId).Select(n => EF.Property<byte[]>(n, "ContentCipher")).SingleAsync();
            stored[^1] ^= 0x01;
            return await db.CaseNotes.IgnoreQueryFilters().Where(n => n.CaseId == caseId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => EF.Property<byte[]>(n, "ContentCipher"), stored));
        });
        Assert.Equal(HttpStatusCode.InternalServerError, (await worker.GetAsync($"/api/v1/cases/{caseId}/notes")).StatusCode);

        // The jobs, run as Hangfire would.
        await fixture.Services.GetRequiredService<RetentionJobs>().AnonymiseExpiredAsync(CancellationToken.None);
        await fixture.Services.GetRequiredService<ReminderJobs>().RemindCaseReviewsAsync(CancellationToken.None);

        fixture.Flush();
        var lines = fixture.Capture.Lines.ToList();

        // (a) Nothing secret or personal, including what other tests sent, in any signal.
        var leaks = fixture.Capture.LinesContaining([.. _secrets, .. LogCanaries.Tracked]);
        Assert.True(leaks.Count == 0, "exported telemetry holds a secret or a personal value:\n" + string.Join('\n', leaks.Take(5)));
        Assert.DoesNotContain(lines, line => line.Contains("invitation#", StringComparison.OrdinalIgnoreCase));
        // The 500's framework log line keeps the exception's type, never its message.
        Assert.Contains(lines, line => line.StartsWith("log ", StringComparison.Ordinal) && line.Contains("exception.type=System.Security.Cryptography.", StringComparison.Ordinal));
        Assert.All(lines.Where(line => line.StartsWith("log ", StringComparison.Ordinal)), line => Assert.EndsWith("exception=", line, StringComparison.Ordinal));

        // Ids in the use-case log lines are keyed pseudonyms, not the ids themselves.
        var handled = lines.Where(line => line.StartsWith($"log {typeof(LoggingBehaviour<,>).Namespace}.LoggingBehaviour", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(handled);
        Assert.DoesNotContain(handled, line => line.Contains(workerId.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(handled, line => Pseudonym().IsMatch(line));
        Assert.Contains(handled, line => line.Contains("ElapsedMs=", StringComparison.Ordinal) && !line.Contains("ElapsedMs=;", StringComparison.Ordinal));

        // (b) The signals are there: spans of a use case, EF Core and HTTP, and the metrics.
        Assert.Contains(lines, line => line.StartsWith($"span {CaseManagementTelemetry.Name} Internal 'RegisterBeneficiaryCommand'", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"span {CaseManagementTelemetry.Name} Internal 'job {RetentionJobs.Name}'", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("span OpenTelemetry.Instrumentation.EntityFrameworkCore ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("span Microsoft.AspNetCore Server ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("span Microsoft.AspNetCore", StringComparison.Ordinal) && line.Contains("/health", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "casemanagement.use_case.duration") && line.Contains("casemanagement.outcome=success", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "casemanagement.use_case.duration") && line.Contains("casemanagement.outcome=rejected", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "casemanagement.use_case.duration") && line.Contains("casemanagement.outcome=failed", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "casemanagement.audit.appends"));
        Assert.Contains(lines, line => Metric(line, "casemanagement.job.runs") && line.Contains($"casemanagement.job={RetentionJobs.Name}", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "casemanagement.crypto.decrypt_failures") && line.Contains("casemanagement.crypto.kind=field", StringComparison.Ordinal));
        Assert.Contains(lines, line => Metric(line, "http.server.request.duration"));
    }

    [Fact]
    public void The_capture_finds_a_value_in_a_span_tag_and_a_log_and_redaction_removes_a_classified_one()
    {
        var marker = "telemetry-probe-" + Guid.NewGuid().ToString("N");
        using (var span = CaseManagementTelemetry.Source.StartActivity("probe"))
        {
            span?.SetTag("probe.value", marker + "-tag");
        }

        var logger = fixture.Services.GetRequiredService<ILogger<TelemetryTests>>();
        LogProbe(logger, marker + "-plain", marker + "-personal", marker + "-secret");
        fixture.Flush();

        Assert.NotEmpty(fixture.Capture.LinesContaining([marker + "-tag"]));
        Assert.NotEmpty(fixture.Capture.LinesContaining([marker + "-plain"]));
        Assert.Empty(fixture.Capture.LinesContaining([marker + "-personal", marker + "-secret"]));
    }

    private static bool Metric(string line, string name) => line.StartsWith($"metric {name} ", StringComparison.Ordinal);

    private async Task<SignInFlow.Tokens> SignInAsync(SignInFlow.StaffCredentials staff)
    {
        Secret(staff.Password);
        Secret(staff.AuthenticatorKey);
        var tokens = await SignInFlow.SignInAsync(fixture.Host, staff);
        Secret(tokens.AccessToken);
        Secret(tokens.RefreshToken);
        return tokens;
    }

    /// <summary>A value that must appear in no exported signal; tracked for the whole run's log check too.</summary>
    private string Secret(string? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _secrets.Add(value);
        return LogCanaries.Track(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe {Plain} {Personal} {Secret}")]
    private static partial void LogProbe(ILogger logger, string plain, [PersonalData] string personal, [SecretData] string secret);

    [GeneratedRegex("UserId=[0-9a-f]{16};")]
    private static partial Regex Pseudonym();
}
