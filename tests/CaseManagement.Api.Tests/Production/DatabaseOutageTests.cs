using System.Net;
using System.Net.Http.Headers;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Api.Tests.Providers;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// The database goes away under a signed-in user (its sessions ended, new ones refused) and comes back:
/// the API answers 503 with Retry-After, not 500, logs each failure once without a stack, writes
/// nothing, and serves again by itself. (The harness, bench/load, does the same under load with the
/// whole server stopped.)
/// </summary>
public sealed class DatabaseOutageTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    [Fact]
    public async Task During_an_outage_the_api_answers_503_with_retry_after_and_recovers_by_itself()
    {
        fixture.SkipIfUnavailable();
        var worker = await fixture.ClientAsync(fixture.OrganisationA, Roles.SocialWorker);
        var beneficiary = await worker.RegisterAsync(Beneficiary("Ilinca Outage"));
        var registered = await CountAsync();
        var logged = fixture.Logs.Lines.Count;

        await fixture.AllowConnectionsAsync(false);
        try
        {
            foreach (var accept in new[] { "application/json", "text/html" })
            {
                using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/beneficiaries/{beneficiary}");
                read.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                await AssertUnavailableAsync(await worker.SendAsync(read));
            }

            await AssertUnavailableAsync(await worker.PostJsonAsync("/api/v1/beneficiaries", Beneficiary("Ilinca Unsaved")));
        }
        finally
        {
            await fixture.AllowConnectionsAsync(true);
        }

        // Each of the three failures is logged once, as a warning without a stack trace; nothing at Error. (EF's own
        // lines about the failed commands are demoted to Debug, which no deployment writes.)
        var during = fixture.Logs.Lines.Skip(logged).Where(l => !l.StartsWith("Debug ", StringComparison.Ordinal) && !l.StartsWith("Trace ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(during, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
        Assert.Equal(3, during.Count(l => l.Contains("the database did not answer", StringComparison.Ordinal) || l.Contains("(an outage: no stack)", StringComparison.Ordinal)));
        Assert.DoesNotContain(during, l => l.Contains(" at CaseManagement.", StringComparison.Ordinal) || l.Contains(" at Npgsql.", StringComparison.Ordinal));

        // It serves again without a restart (a connection the outage broke may fail once), and the refused write wrote nothing.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage again;
        while ((again = await worker.GetAsync($"/api/v1/beneficiaries/{beneficiary}")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(registered, await CountAsync());
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Try again later.", (string?)problem["title"]);
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Beneficiaries.IgnoreQueryFilters().CountAsync();
    }
}
