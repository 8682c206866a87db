using System.Net.Http.Headers;
using System.Security.Cryptography;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using CaseManagement.Infrastructure.Persistence;
using Mediator;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// The real API host on a real database of one provider, with two member organisations. A
/// provider that cannot run here makes every test of its suites skip with the reason printed.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private readonly Dictionary<(Guid?, string), Task<(SignInFlow.Tokens, Guid)>> _tokens = [];
    private readonly string _masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // one key, so derived hosts (replicas) share it
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

    public virtual async ValueTask InitializeAsync()
    {
        SkipReason = await PrepareDatabaseAsync();
        if (SkipReason is not null)
        {
            return;
        }

        var connectionString = ConnectionString;
        _factory = new HostFactory(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("Database:Provider", Provider.ToString());
            host.UseSetting("Database:MigrateOnStartup", "true");
            host.UseSetting("ConnectionStrings:CaseManagement", connectionString);
            host.UseSetting("Encryption:MasterKey", _masterKey);
            host.UseSetting("Api:MaxRequestBodyBytes", "65536");
            host.UseSetting("RateLimits:SignInPerMinute", "100000");
            host.UseSetting("RateLimits:SignInPerUserNamePerMinute", "100000");
            // Every category at every level reaches the capture, whatever appsettings filters for other providers.
            host.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace).SetMinimumLevel(LogLevel.Trace));
            ConfigureHost(host);
        });

        LogCanaries.Watch(Logs);
        if (ServesRealSocket)
        {
            // A browser needs a real socket: Kestrel on a free port instead of the in-memory test server.
            _factory.UseKestrel(0);
            _factory.StartServer(); // starts the host: migrations run here
        }
        else
        {
            _ = _factory.Server; // starts the host: migrations run here
        }

        OrganisationA = await CreateOrganisationAsync(OrganisationAName);
        OrganisationB = await CreateOrganisationAsync("Asociatia Test B " + Guid.NewGuid().ToString("N")[..8]);
        await RegisterTestClientAsync();
    }

    public WebApplicationFactory<Program> Host => Factory;

    /// <summary>Settings or services of a fixture that needs a host unlike the others (last, so they win).</summary>
    protected virtual void ConfigureHost(IWebHostBuilder host)
    {
    }

    /// <summary>True for a fixture that a real browser talks to (see <see cref="BaseAddress"/>).</summary>
    protected virtual bool ServesRealSocket => false;

    /// <summary>Where Kestrel listens, for a fixture that serves a real socket.</summary>
    public Uri BaseAddress => ServesRealSocket ? Factory.ClientOptions.BaseAddress : throw new InvalidOperationException("This fixture serves no real socket.");

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

    /// <summary>A client with no token.</summary>
    public HttpClient Anonymous()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>A client carrying the access token of the (shared) user holding <paramref name="role"/> in <paramref name="organisation"/>.</summary>
    public async Task<HttpClient> ClientAsync(Guid? organisation, string role = Roles.SocialWorker) =>
        (await ActorAsync(organisation, role)).Client;

    /// <summary>The shared user holding <paramref name="role"/> in <paramref name="organisation"/>, signed in once per fixture.</summary>
    public async Task<(HttpClient Client, Guid UserId)> ActorAsync(Guid? organisation, string role)
    {
        var key = (organisation, role);
        Task<(SignInFlow.Tokens, Guid)> signedIn;
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(key, out signedIn!))
            {
                signedIn = _tokens[key] = SignInNewUserAsync(organisation, role);
            }
        }

        var (tokens, id) = await signedIn;
        return (WithToken(tokens.AccessToken), id);
    }

    /// <summary>A new user of its own, signed in through the real endpoints.</summary>
    public async Task<(HttpClient Client, Guid UserId)> NewUserClientAsync(Guid? organisation, params string[] roles)
    {
        var (staff, id) = await CreateUserAsync(organisation, roles);
        var tokens = await SignInFlow.SignInAsync(Factory, staff);
        return (WithToken(tokens.AccessToken), id);
    }

    public HttpClient WithToken(string accessToken)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates a member of staff with a password and an enrolled authenticator, as an administrator would.</summary>
    public async Task<(SignInFlow.StaffCredentials Staff, Guid Id)> CreateUserAsync(Guid? organisation, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = $"user-{Guid.NewGuid():N}",
            OrganisationId = organisation,
            CreatedAt = Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        // An upper, lower, digit and symbol, then hex: it can never hold a part of the user name ("user").
        var password = "Pw-7" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = await users.GetAuthenticatorKeyAsync(user);
        return (new SignInFlow.StaffCredentials(user.UserName, password, key!, Services.GetRequiredService<TimeProvider>()), user.Id);
    }

    /// <summary>Reads or changes one user through Identity's own manager, as an administrator's tool would.</summary>
    public async Task<T> WithUserAsync<T>(Guid id, Func<UserManager<ApplicationUser>, ApplicationUser, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await work(users, (await users.FindByIdAsync(id.ToString()))!);
    }

    /// <summary>Runs <paramref name="work"/> with a database context of its own, tenant filters active for nobody.</summary>
    public async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>
    /// Every row of every table of case data, shadow columns (ciphertext) included, as text. Two
    /// equal fingerprints mean no case data was written in between. The audit trail is left out on
    /// purpose: it records failed attempts too.
    /// </summary>
    public Task<string> FingerprintAsync() => WithDbAsync(async db =>
    {
        var lines = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes()
                     .Where(t => t.ClrType.Namespace!.StartsWith("CaseManagement.Domain", StringComparison.Ordinal) && t.ClrType != typeof(Domain.Auditing.AuditEntry))
                     .OrderBy(t => t.Name))
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

    private async Task<(SignInFlow.Tokens, Guid)> SignInNewUserAsync(Guid? organisation, string role)
    {
        var (staff, id) = await CreateUserAsync(organisation, role);
        return (await SignInFlow.SignInAsync(Factory, staff), id);
    }

    /// <summary>The public clients the tests sign in through: code flow with PKCE, and the device flow.</summary>
    private async Task RegisterTestClientAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(ClientDescriptors.Interactive(SignInFlow.ClientId, "Test browser", [new Uri(SignInFlow.RedirectUri)]));
        await applications.CreateAsync(ClientDescriptors.CommandLine(SignInFlow.DeviceClientId, "Test command line"));
    }

    /// <summary>Another member organisation, made by the platform as the system; its first administrator is invited, not signed in.</summary>
    public async Task<Guid> CreateOrganisationAsync(string name)
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateOrganisationCommand(name, "admin-" + Guid.NewGuid().ToString("N")));
        return created.Id;
    }

    /// <summary>The host with the fixture's settings. A subclass, not WithWebHostBuilder: Kestrel is configured on the factory that builds the host.</summary>
    private sealed class HostFactory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }
}
