using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// Two replicas in Production, configured alike, on one PostgreSQL database: what one does, the
/// other honours. (Recurring jobs running once per schedule across replicas: ReplicatedJobsTests.)
/// </summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Two_replicas_share_tokens_data_protection_keys_key_rotations_and_lockouts()
    {
        var admin = ProductionDeployment.PostgresAdminOrSkip("Scale-out test");
        await using var deployment = await ProductionDeployment.OnPostgresAsync(admin, ProductionDeployment.DefaultAddress);
        var window = TimeSpan.FromSeconds(2);
        deployment.Settings["Encryption:ActiveKeyCacheDuration"] = window.ToString();
        Assert.Equal(0, (await deployment.RunAsync("migrate")).ExitCode);
        var bootstrapped = await deployment.RunAsync("bootstrap", "first.admin");
        var link = ProductionStartTests.Link().Match(bootstrapped.Output).Value;
        Assert.True(link.Length > 0, bootstrapped.Output);
        await using var first = deployment.Host();
        await using var second = deployment.Host();

        // A token issued by the first replica is honoured by the second.
        var platformAdmin = await ProductionStartTests.AcceptAndSignInAsync(first, "first.admin", link);
        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = platformAdmin.DefaultRequestHeaders.Authorization;
        var organisation = await (await onSecond.PostJsonAsync("/api/v1/platform/organisations",
            new { name = "Asociatia Replicata", adminUserName = "admin.replicata" })).ReadObjectAsync(HttpStatusCode.Created);
        var organisationId = (Guid)organisation["id"]!;

        // What one replica protects (cookies, antiforgery tokens), the other opens: one key ring, in the database.
        var sealedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out").Protect("shared");
        Assert.Equal("shared", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("scale-out").Unprotect(sealedByFirst));

        // An invitation made on the second is accepted on the first; the worker registers people there.
        var organisationAdmin = await ProductionStartTests.AcceptAndSignInAsync(first, "admin.replicata", (string)organisation["admin"]!["invitationLink"]!);
        var invited = await (await organisationAdmin.PostJsonAsync("/api/v1/admin/users",
            new { userName = "worker.replicata", roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        var accepted = await InvitationFlow.AcceptAsync(second, "worker.replicata", (string)invited["invitationLink"]!);
        var worker = first.CreateClient();
        worker.DefaultRequestHeaders.Authorization = new("Bearer", (await SignInFlow.SignInAsync(second, accepted.Staff)).AccessToken);
        var before = await worker.RegisterAsync(Beneficiary("Inainte De Rotatie"));
        Assert.Equal(1, first.Services.GetRequiredService<KeyRing>().Active(organisationId).Version);

        // The second rotates the organisation's key; the first writes under it once its cache window has passed.
        Assert.Equal(2, await second.Services.GetRequiredService<KeyRing>().RotateAsync(organisationId, CancellationToken.None));
        await Task.Delay(window + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        var after = await worker.RegisterAsync(Beneficiary("Dupa Rotatie"));
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var versions = await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Id == before || b.Id == after)
                .Select(b => new { b.Id, Version = EF.Property<int>(b, "DataKeyVersion") }).ToDictionaryAsync(b => b.Id, b => b.Version);
            Assert.Equal(1, versions[before]);
            Assert.Equal(2, versions[after]);
        }

        // Rows sealed under either key read back on the other replica.
        foreach (var (id, name) in new[] { (before, "Inainte De Rotatie"), (after, "Dupa Rotatie") })
        {
            var read = await (await WorkerOn(second, worker).GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK);
            Assert.Equal(name, (string?)read["fullName"]);
        }

        // Five wrong passwords on the first lock the account on the second too.
        var login = new Uri("/account/login", UriKind.Relative);
        var wrong = accepted.Staff with { Password = accepted.Staff.Password + "x" };
        var browserOnFirst = SignInFlow.Browser(first);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInFlow.PostLoginAsync(browserOnFirst, login, wrong, "000000")).StatusCode);
        }

        var right = await SignInFlow.PostLoginAsync(SignInFlow.Browser(second), login, accepted.Staff);
        Assert.Contains("blocat pentru 15 minute", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpClient WorkerOn(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, HttpClient worker)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = worker.DefaultRequestHeaders.Authorization;
        return client;
    }
}
