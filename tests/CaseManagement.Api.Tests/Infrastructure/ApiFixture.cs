using System.Net.Http.Headers;
using System.Security.Cryptography;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using CaseManagement.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// The real API host on a real database of one provider, with two member organisations. A
/// provider that cannot run here makes every test of its suites skip with the reason printed.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private int _skipAnnounced;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this provider's tests are skipped, or null when they run.</summary>
    public string? SkipReason { get; private set; }

    public CapturedLogs Logs { get; } = new();

    public Guid OrganisationA { get; private set; }

    public Guid OrganisationB { get; private set; }

    public string OrganisationAName { get; } = "Fundatia Test A " + Guid.NewGuid().ToString("N")[..8];

    public IServiceProvider Services => Factory.Services;

    protected WebApplicationFactory<Program> Factory =>
        _factory ?? throw new InvalidOperationException(SkipReason ?? "The fixture is not started.");

    public async ValueTask InitializeAsync()
    {
        SkipReason = await PrepareDatabaseAsync();
        if (SkipReason is not null)
        {
            return;
        }

        var connectionString = ConnectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("Database:Provider", Provider.ToString());
            host.UseSetting("Database:MigrateOnStartup", "true");
            host.UseSetting("ConnectionStrings:CaseManagement", connectionString);
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            host.UseSetting("Api:MaxRequestBodyBytes", "65536");
            host.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            host.ConfigureTestServices(services =>
            {
                services.AddAuthentication()
                    .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
                services.Configure<AuthenticationOptions>(o =>
                {
                    o.DefaultScheme = TestAuthenticationHandler.SchemeName;
                    o.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                    o.DefaultChallengeScheme = TestAuthenticationHandler.SchemeName;
                });
            });
        });

        _ = _factory.Server; // starts the host: migrations run here
        OrganisationA = await CreateOrganisationAsync(OrganisationAName);
        OrganisationB = await CreateOrganisationAsync("Asociatia Test B " + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>Skips the calling test when the provider cannot run, and says why in the test output (once per fixture).</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is null)
        {
            return;
        }

        var reason = $"{Provider} tests skipped: {SkipReason}";
        if (Interlocked.Exchange(ref _skipAnnounced, 1) == 0)
        {
            TestContext.Current.SendDiagnosticMessage(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>A client acting as a member of <paramref name="organisation"/>; anonymous when null.</summary>
    public HttpClient Client(Guid? organisation, Guid? user = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (organisation is { } org)
        {
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, (user ?? Guid.CreateVersion7()).ToString());
            client.DefaultRequestHeaders.Add(TestAuthenticationHandler.OrganisationHeader, org.ToString());
        }

        return client;
    }

    /// <summary>Runs <paramref name="work"/> with a database context of its own, tenant filters active for nobody.</summary>
    public async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>
    /// Every row of every table, shadow columns (ciphertext) included, as text. Two equal
    /// fingerprints mean nothing was written in between.
    /// </summary>
    public Task<string> FingerprintAsync() => WithDbAsync(async db =>
    {
        var lines = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes().OrderBy(t => t.Name))
        {
            var rows = await ((IQueryable<object>)db.GetType().GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entityType.ClrType).Invoke(db, null)!)
                .IgnoreQueryFilters().ToListAsync();
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                lines.Add(entityType.ClrType.Name + ":" + string.Join('|', entry.Properties.Select(p => p.CurrentValue is byte[] b ? Convert.ToHexString(b) : p.CurrentValue?.ToString())));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    });

    /// <summary>The raw stored contents of the database as the provider keeps them, for canary scans.</summary>
    public abstract Task<string> RawDatabaseContentsAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract string ConnectionString { get; }

    /// <summary>Creates an empty database; returns why it cannot, or null.</summary>
    protected abstract Task<string?> PrepareDatabaseAsync();

    private async Task<Guid> CreateOrganisationAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateOrganisationCommand(name));
    }
}
