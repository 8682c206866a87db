using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// A deployment as an operator makes one, outside Development: a fresh SQLite database, a master key
/// and token certificates of its own, the Api executable's verbs run as processes, and the host in
/// Production over https.
/// </summary>
public sealed class ProductionDeployment : IAsyncDisposable
{
    public const string PublicAddress = "https://cases.example.test";

    private static readonly string[] Secrets = ["Encryption:MasterKey", "Identity:SigningCertificate:Password", "Identity:EncryptionCertificate:Password"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casemgmt-production-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _settings;

    public ProductionDeployment()
    {
        Directory.CreateDirectory(_directory);
        _settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:CaseManagement"] = $"Data Source={Path.Combine(_directory, "casemanagement.db")}",
            ["Encryption:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Identity:Issuer"] = PublicAddress + "/",
            ["AllowedHosts"] = "cases.example.test",
            ["Identity:SigningCertificate:Path"] = Certificate("signing"),
            ["Identity:SigningCertificate:Password"] = "signing-password",
            ["Identity:EncryptionCertificate:Path"] = Certificate("encryption"),
            ["Identity:EncryptionCertificate:Password"] = "encryption-password",
            ["Identity:Clients:0:ClientId"] = Infrastructure.SignInFlow.ClientId,
            ["Identity:Clients:0:DisplayName"] = "Web front end",
            ["Identity:Clients:0:RedirectUris:0"] = Infrastructure.SignInFlow.RedirectUri,
        };
    }

    /// <summary>Runs a verb of the Api executable (<c>dotnet CaseManagement.Api.dll VERB</c>) with the deployment's settings in its environment.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] verb)
    {
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(api)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(api);
        foreach (var word in verb)
        {
            start.ArgumentList.Add(word);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // The keys as a container receives them: files in a secrets directory, not the environment.
        var secrets = Directory.CreateDirectory(Path.Combine(_directory, "secrets")).FullName;
        start.Environment["SecretsDirectory"] = secrets;
        foreach (var (key, value) in _settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            if (Secrets.Contains(key))
            {
                await File.WriteAllTextAsync(Path.Combine(secrets, name), value);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The host in Production, on the same database and keys, answering at the public https address.</summary>
    public WebApplicationFactory<Program> Host(Action<IWebHostBuilder>? configure = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            foreach (var (key, value) in _settings)
            {
                host.UseSetting(key, value);
            }

            configure?.Invoke(host);
        });
        factory.ClientOptions.BaseAddress = new Uri(PublicAddress);
        return factory;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>A self-signed certificate in a password-protected PFX file, as an operator makes with openssl.</summary>
    private string Certificate(string purpose)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=CaseManagement {purpose}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            purpose == "signing" ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_directory, purpose + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, purpose + "-password"));
        return path;
    }
}
