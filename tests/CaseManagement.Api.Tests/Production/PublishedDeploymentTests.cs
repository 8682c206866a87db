using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Npgsql;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// The published executable (<c>dotnet publish -c Release</c>) run as an operator runs it, outside
/// Development, on the throwaway PostgreSQL: master key in the environment, token and TLS
/// certificates made with openssl, <c>migrate</c>, <c>bootstrap</c>, invitations; and the restore
/// drill of docs/backup.md on the same executable.
/// </summary>
public sealed partial class PublishedDeploymentTests(PublishedApi published) : IClassFixture<PublishedApi>
{
    private const string Canary = "Restaurata Canar Persoana";

    [Fact]
    public async Task The_published_executable_starts_in_production_on_PostgreSQL_and_an_invited_user_signs_in()
    {
        await using var deployment = await DeployAsync();

        // Without a master key, or without a token signing certificate, it does not start, and says why.
        var withoutKey = await WithoutAsync(deployment, "Encryption:MasterKey");
        Assert.True(withoutKey.ExitCode != 0, withoutKey.Output);
        Assert.Contains("No master key is configured", withoutKey.Output, StringComparison.Ordinal);
        var withoutCertificates = await WithoutAsync(deployment, "Identity:SigningCertificate:Path");
        Assert.True(withoutCertificates.ExitCode != 0, withoutCertificates.Output);
        Assert.Contains("No token signing certificate is configured", withoutCertificates.Output, StringComparison.Ordinal);

        var link = await MigrateAndBootstrapAsync(deployment);
        await using var server = deployment.Serve();
        await server.WaitUntilReadyAsync();
        var (worker, _, beneficiary) = await SeedAsync(server, link);
        var read = await (await worker.GetAsync($"/api/v1/beneficiaries/{beneficiary}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(Canary, (string?)read["fullName"]);
        Assert.DoesNotContain(Canary, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_drill_decrypts_with_the_escrowed_key_verifies_the_audit_head_and_refuses_a_wrong_key()
    {
        await using var deployment = await DeployAsync();
        var link = await MigrateAndBootstrapAsync(deployment);
        string token;
        Guid organisation, beneficiary;
        await using (var server = deployment.Serve())
        {
            await server.WaitUntilReadyAsync();
            (var worker, organisation, beneficiary) = await SeedAsync(server, link);
            token = worker.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        // The audit head, exported and kept apart from the backup.
        var head = await deployment.RunAsync("verify-audit", organisation.ToString());
        var exported = HeadLine().Match(head.Output);
        Assert.True(head.ExitCode == 0 && exported.Success, head.Output);

        var dump = Path.Combine(Path.GetTempPath(), $"casemgmt-backup-{Guid.NewGuid():N}.dump");
        try
        {
            // An uncompressed custom-format dump: what a stolen backup shows holds no personal value.
            await PostgresToolAsync(deployment, "pg_dump", "--format=custom", "--compress=0", "--file", dump, deployment.PostgresDatabase);
            Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(dump)), StringComparison.Ordinal);
            await deployment.PostgresAsync($"DROP DATABASE \"{deployment.PostgresDatabase}\" WITH (FORCE)");
            await deployment.PostgresAsync($"CREATE DATABASE \"{deployment.PostgresDatabase}\"");
            await PostgresToolAsync(deployment, "pg_restore", "--no-owner", "--exit-on-error", "--dbname", deployment.PostgresDatabase, dump);
        }
        finally
        {
            File.Delete(dump);
        }

        // The restored chain verifies against the head exported before the backup.
        var verified = await deployment.RunAsync("verify-audit", organisation.ToString(), exported.Groups[1].Value, exported.Groups[2].Value);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.StartsWith("Intact", verified.Output, StringComparison.Ordinal);

        // A wrong master key: neither the server nor a verb runs, and both say why.
        var escrowed = deployment.Settings["Encryption:MasterKey"];
        deployment.Settings["Encryption:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        foreach (var verb in new[] { Array.Empty<string>(), ["verify-audit", organisation.ToString()] })
        {
            var refused = await deployment.RunAsync(verb);
            Assert.True(refused.ExitCode != 0, refused.Output);
            Assert.Contains("master key is not the one that wrapped this database's data keys", refused.Output, StringComparison.Ordinal);
        }

        // The escrowed key: the person's data opens, and the session from before the backup still holds.
        deployment.Settings["Encryption:MasterKey"] = escrowed;
        await using (var restored = deployment.Serve())
        {
            await restored.WaitUntilReadyAsync();
            using var worker = restored.Client();
            worker.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var read = await (await worker.GetAsync($"/api/v1/beneficiaries/{beneficiary}")).ReadObjectAsync(HttpStatusCode.OK);
            Assert.Equal(Canary, (string?)read["fullName"]);
        }
    }

    private async Task<ProductionDeployment> DeployAsync()
    {
        var deployment = await ProductionDeployment.OnPostgresAsync(ProductionDeployment.PostgresAdminOrSkip("Published deployment tests"), $"https://localhost:{FreePort()}");
        deployment.PublishedDirectory = published.Directory;
        deployment.SecretsAsFiles = false; // the master key from the environment, as the issue's operator gives it
        return deployment;
    }

    private static async Task<(int ExitCode, string Output)> WithoutAsync(ProductionDeployment deployment, params string[] settings)
    {
        var kept = settings.ToDictionary(s => s, s => deployment.Settings[s]);
        foreach (var setting in settings)
        {
            deployment.Settings.Remove(setting);
        }

        var result = await deployment.RunAsync();
        foreach (var (setting, value) in kept)
        {
            deployment.Settings[setting] = value;
        }

        return result;
    }

    private static async Task<string> MigrateAndBootstrapAsync(ProductionDeployment deployment)
    {
        var migrated = await deployment.RunAsync("migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        var bootstrapped = await deployment.RunAsync("bootstrap", "first.admin");
        Assert.True(bootstrapped.ExitCode == 0, bootstrapped.Output);
        var link = ProductionStartTests.Link().Match(bootstrapped.Output).Value;
        Assert.StartsWith(deployment.PublicAddress + "/account/invitation#", link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>The platform administrator registers an NGO, whose administrator invites a social worker, who registers a person.</summary>
    private static async Task<(HttpClient Worker, Guid Organisation, Guid Beneficiary)> SeedAsync(ApiProcess server, string link)
    {
        var platformAdmin = await AcceptAndSignInAsync(server, "first.admin", link);
        var organisation = await (await platformAdmin.PostJsonAsync("/api/v1/platform/organisations",
            new { name = "Asociatia Publicata", adminUserName = "admin.publicata" })).ReadObjectAsync(HttpStatusCode.Created);
        var organisationAdmin = await AcceptAndSignInAsync(server, "admin.publicata", (string)organisation["admin"]!["invitationLink"]!);
        var invited = await (await organisationAdmin.PostJsonAsync("/api/v1/admin/users",
            new { userName = "worker.publicata", roles = new[] { Roles.SocialWorker } })).ReadObjectAsync(HttpStatusCode.Created);
        var worker = await AcceptAndSignInAsync(server, "worker.publicata", (string)invited["invitationLink"]!);
        return (worker, (Guid)organisation["id"]!, await worker.RegisterAsync(Beneficiary(Canary)));
    }

    private static async Task<HttpClient> AcceptAndSignInAsync(ApiProcess server, string userName, string link)
    {
        var accepted = await InvitationFlow.AcceptAsync(server.Client(browser: true), userName, link);
        var tokens = await SignInFlow.SignInAsync(server.Client(browser: true), server.Client(), accepted.Staff);
        var client = server.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>Runs pg_dump or pg_restore of the newest PostgreSQL installed, against the deployment's server.</summary>
    private static async Task PostgresToolAsync(ProductionDeployment deployment, string tool, params string[] arguments)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var major) ? major : 0).LastOrDefault()
            : null;
        var start = new ProcessStartInfo(installed ?? tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = new NpgsqlConnectionStringBuilder(deployment.Settings["ConnectionStrings:CaseManagement"]);
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Head: (\d+) (\S+)")]
    private static partial Regex HeadLine();
}
