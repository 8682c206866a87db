using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// A deployment as an operator makes one, outside Development: a fresh database (SQLite, or a
/// PostgreSQL database of its own), a master key and the token signing and TLS certificates made with openssl, the Api
/// executable's verbs and server run as processes, and the host in Production over https.
/// </summary>
public sealed class ProductionDeployment : IAsyncDisposable
{
    public const string DefaultAddress = "https://cases.example.test";

    private static readonly string[] Secrets = ["Encryption:MasterKey", "Identity:SigningCertificate:Password", "Kestrel:Certificates:Default:Password"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casemgmt-production-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresAdmin;

    private ProductionDeployment(string publicAddress, string? postgresAdmin)
    {
        Directory.CreateDirectory(_directory);
        PublicAddress = publicAddress;
        _postgresAdmin = postgresAdmin;
        var host = new Uri(publicAddress).Host;
        Settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = postgresAdmin is null ? "Sqlite" : "PostgreSql",
            ["ConnectionStrings:CaseManagement"] = postgresAdmin is null
                ? $"Data Source={Path.Combine(_directory, "casemanagement.db")}"
                : new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = PostgresDatabase }.ConnectionString,
            ["Encryption:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:Issuer"] = publicAddress + "/",
            ["AllowedHosts"] = host,
            ["Identity:SigningCertificate:Path"] = Certificate("signing", "keyUsage=critical,digitalSignature"),
            ["Identity:SigningCertificate:Password"] = "signing-password",
            ["Identity:Clients:0:ClientId"] = Infrastructure.SignInFlow.ClientId,
            ["Identity:Clients:0:DisplayName"] = "Web front end",
            ["Identity:Clients:0:RedirectUris:0"] = Infrastructure.SignInFlow.RedirectUri,
        };
    }

    public string PublicAddress { get; }

    /// <summary>The settings each process receives; a test changes them to start a deployment wrongly.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>The PostgreSQL database of this deployment (unused on SQLite).</summary>
    public string PostgresDatabase { get; } = "casemgmt_prod_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>When set, processes run the published executable in this directory instead of the test build's Api assembly.</summary>
    public string? PublishedDirectory { get; set; }

    /// <summary>Secrets as files in a secrets directory (a container's mounts), or in the environment.</summary>
    public bool SecretsAsFiles { get; set; } = true;

    public static ProductionDeployment OnSqlite() => new(DefaultAddress, postgresAdmin: null);

    /// <summary>The throwaway PostgreSQL server's connection string (CI sets it), or the test skips and says why.</summary>
    public static string PostgresAdminOrSkip(string tests)
    {
        var admin = Environment.GetEnvironmentVariable(Providers.PostgresApiFixture.Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            var reason = $"{tests} skipped: {Providers.PostgresApiFixture.Variable} is not set (CI sets it; see .ci/run)";
            TestContext.Current.SendDiagnosticMessage(reason);
            Assert.Skip(reason);
        }

        return admin;
    }

    /// <summary>A deployment on a new database of the PostgreSQL server <paramref name="adminConnectionString"/> reaches, dropped on disposal.</summary>
    public static async Task<ProductionDeployment> OnPostgresAsync(string adminConnectionString, string publicAddress)
    {
        var deployment = new ProductionDeployment(publicAddress, adminConnectionString);
        await deployment.PostgresAsync($"CREATE DATABASE \"{deployment.PostgresDatabase}\"");
        return deployment;
    }

    /// <summary>Runs a verb of the Api executable and waits for it to end (or kills it after two minutes).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] verb)
    {
        using var process = Process.Start(StartInfo(verb))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (-1, "still running after two minutes: " + await output + await error);
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts the executable as a server at the public address's port, serving https with a TLS certificate made with openssl.</summary>
    public ApiProcess Serve()
    {
        var port = new Uri(PublicAddress).Port;
        var tls = Certificate("tls", "subjectAltName=DNS:localhost");
        var start = StartInfo([], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"https://localhost:{port}",
            ["Kestrel:Certificates:Default:Path"] = tls,
            ["Kestrel:Certificates:Default:Password"] = "tls-password",
        });
        return new ApiProcess(start, new Uri($"https://localhost:{port}"), tls, "tls-password");
    }

    /// <summary>The host in Production, in this process, on the same database and keys, answering at the public https address.</summary>
    public WebApplicationFactory<Program> Host(Action<IWebHostBuilder>? configure = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            foreach (var (key, value) in Settings)
            {
                host.UseSetting(key, value);
            }

            configure?.Invoke(host);
        });
        factory.ClientOptions.BaseAddress = new Uri(PublicAddress);
        return factory;
    }

    /// <summary>Runs one statement on the PostgreSQL server, connected to its maintenance database.</summary>
    public async Task PostgresAsync(string statement)
    {
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresAsync($"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)");
        }

        Directory.Delete(_directory, recursive: true);
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> verb, Dictionary<string, string>? more = null)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = PublishedDirectory is null
            ? new ProcessStartInfo("dotnet") { ArgumentList = { assembly }, WorkingDirectory = Path.GetDirectoryName(assembly)! }
            : new ProcessStartInfo(Path.Combine(PublishedDirectory, "CaseManagement.Api")) { WorkingDirectory = PublishedDirectory };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var word in verb)
        {
            start.ArgumentList.Add(word);
        }

        // The apphost finds the runtime this test runs on, wherever it is installed.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "../../.."));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var secrets = Directory.CreateDirectory(Path.Combine(_directory, "secrets")).FullName;
        if (SecretsAsFiles)
        {
            start.Environment["SecretsDirectory"] = secrets;
        }

        foreach (var (key, value) in more is null ? Settings : Settings.Concat(more))
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (SecretsAsFiles && Secrets.Contains(key))
            {
                File.WriteAllText(Path.Combine(secrets, name), value);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>A self-signed certificate in a password-protected PFX file, made with openssl as an operator makes one.</summary>
    private string Certificate(string purpose, string extension)
    {
        var key = Path.Combine(_directory, purpose + ".key");
        var certificate = Path.Combine(_directory, purpose + ".crt");
        var pfx = Path.Combine(_directory, purpose + ".pfx");
        Openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "30",
            "-subj", $"/CN=CaseManagement {purpose}", "-addext", extension);
        Openssl("pkcs12", "-export", "-inkey", key, "-in", certificate, "-out", pfx, "-passout", $"pass:{purpose}-password");
        File.Delete(key);
        return pfx;
    }

    private static void Openssl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl {arguments[0]}: {error.Result}");
    }
}
