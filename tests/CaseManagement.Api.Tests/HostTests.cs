using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Api.Tests.Providers;
using CaseManagement.Application.Common.Interfaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests;

/// <summary>What the host serves to anyone, and what it refuses: health, OpenAPI, no start without keys.</summary>
public sealed class HostTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Health_endpoints_answer_without_authentication_and_ready_checks_the_database()
    {
        var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_and_the_reference_page_are_served()
    {
        var anonymous = fixture.Anonymous();
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(115, Operations(document).Count()); // each is in the authorization matrix too
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public void Request_and_answer_types_have_names_of_their_own()
    {
        // The OpenAPI document names a schema after its type alone: two types of one name, nested in
        // different endpoint groups, would share one schema, and clients would send the wrong body.
        var types = typeof(Program).Assembly.GetTypes().Concat(typeof(CaseManagement.Application.DependencyInjection).Assembly.GetTypes())
            .Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Dto", StringComparison.Ordinal))
            .GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(types);
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_a_master_key()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("Database:Provider", "Sqlite");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db");
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains("No master key is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_a_token_signing_certificate()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains("No token signing certificate is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_development_may_waive_the_second_factor()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db");
            host.UseSetting("Database:MigrateOnStartup", "true");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            host.UseSetting("Identity:RequireTwoFactor", "false"); // ignored here
        });
        _ = factory.Server;
        var userName = "worker.no-second-factor";
        var password = "correct horse battery staple";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CaseManagement.Infrastructure.Identity.ApplicationUser>>();
            var user = new CaseManagement.Infrastructure.Identity.ApplicationUser { Id = Guid.CreateVersion7(), UserName = userName, OrganisationId = Guid.CreateVersion7() };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Application.Common.Security.Roles.OrganisationAdmin)).Succeeded);
        }

        // Not even a role without personal data signs in without a second factor: enrolment first.
        var login = await SignInFlow.PostLoginAsync(SignInFlow.Browser(factory), new Uri("/account/login?returnUrl=%2F", UriKind.Relative),
            new SignInFlow.StaffCredentials(userName, password, ""), code: "");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/enrol", login.Headers.Location!.ToString(), StringComparison.Ordinal);

        var server = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenIddict.Server.OpenIddictServerOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(60), server.AuthorizationCodeLifetime);
        Assert.DoesNotContain("plain", server.CodeChallengeMethods);
        await using var check = factory.Services.CreateAsyncScope();
        var keyRing = await check.ServiceProvider.GetRequiredService<CaseManagement.Infrastructure.Persistence.ApplicationDbContext>().DataProtectionKeys.ToListAsync();
        Assert.NotEmpty(keyRing); // kept in the database, shared by replicas
        Assert.All(keyRing, key =>
        {
            Assert.Contains("MasterKeyXmlDecryptor", key.Xml, StringComparison.Ordinal); // sealed under the master key
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_malformed_master_key_is_refused_too()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains("32 random bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_seeds_demo_organisations_users_and_the_reference_client_once()
    {
        var database = Path.Combine(Path.GetTempPath(), $"casemgmt-dev-{Guid.NewGuid():N}.db");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={database}");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        });
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseManagement.Infrastructure.Persistence.ApplicationDbContext>();
        Assert.Equal(2, await db.Organisations.IgnoreQueryFilters().CountAsync());
        Assert.Equal(10, await db.Users.CountAsync());
        var client = await scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>().FindByClientIdAsync("api-reference");
        Assert.NotNull(client);
        Assert.DoesNotContain(await db.Users.Select(u => u.PasswordHash).ToListAsync(), hash => hash is null || hash.StartsWith("Cm-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_and_token_requests_are_rate_limited_per_client()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db");
            host.UseSetting("Database:MigrateOnStartup", "true");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            host.UseSetting("RateLimits:SignInPerMinute", "3");
        });
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/account/login")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode); // the same window covers the token endpoint
    }

    [Fact]
    public async Task Every_response_errors_included_carries_nosniff_and_no_store_and_no_server_header()
    {
        var client = await fixture.ClientAsync(fixture.OrganisationA);
        var responses = new[]
        {
            await fixture.Anonymous().GetAsync($"/api/v1/cases/{Guid.CreateVersion7()}"),
            await client.GetAsync($"/api/v1/cases/{Guid.CreateVersion7()}"),
            await client.PostAsync("/api/v1/beneficiaries", ApiCalls.Body("{\"broken\":")),
            await client.GetAsync("/api/v1/beneficiaries"),
            await fixture.Anonymous().GetAsync("/health/live"),
        };
        Assert.All(responses, response =>
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.False(response.Headers.Contains("Server"));
        });
        Assert.Equal(["401", "404", "400"], responses[..3].Select(r => ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_openapi_document_declares_required_fields_enum_values_security_and_problem_responses()
    {
        var document = await (await fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadObjectAsync(HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!;
        // Required exactly where the reader requires: an optional worker, optional search criteria.
        Assert.Equal(["beneficiaryId", "openedOn"], schemas["OpenCaseCommand"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Null(schemas["SearchBeneficiariesQuery"]!["required"]);
        Assert.Equal(["sensitivity", "content"], schemas["AddRequest"]!["required"]!.AsArray().Select(r => (string)r!));
        Assert.Contains("null", schemas["OpenCaseCommand"]!["properties"]!["assignedWorkerId"]!["type"]!.AsArray().Select(t => (string?)t));
        // Every enum is a string of listed names, exploitation types included (without the "None" combination).
        Assert.Equal(["Sexual", "Labour", "Begging", "ForcedCriminality", "DomesticServitude", "OrganRemoval", "Other"],
            schemas["BeneficiaryInput"]!["properties"]!["exploitationTypes"]!["items"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("string", (string?)schemas["NoteSensitivity"]!["type"]);
        // The OAuth2 scheme, and on every operation its security and its problem responses.
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal(["authorizationCode"], schemes["OAuth2"]!["flows"]!.AsObject().Select(f => f.Key));
        Assert.Equal(["clientCredentials"], schemes["OAuth2MachineClients"]!["flows"]!.AsObject().Select(f => f.Key));
        foreach (var (method, path) in Operations(document))
        {
            var operation = document["paths"]![path]![method.ToLowerInvariant()]!;
            Assert.Equal("OAuth2", operation["security"]!.AsArray().Single()!.AsObject().Single().Key);
            var responses = operation["responses"]!.AsObject();
            foreach (var status in new[] { "400", "401", "403" }.Concat(path.Contains('{', StringComparison.Ordinal) ? ["404"] : []))
            {
                Assert.True(responses.ContainsKey(status), $"{method} {path} does not list {status}");
                Assert.NotNull(responses[status]!["content"]!["application/problem+json"]);
            }
        }
    }

    [Fact]
    public async Task A_form_with_a_nul_character_is_a_400_problem_not_a_server_error()
    {
        foreach (var path in new[] { "/connect/token", "/account/login", "/connect/verify" })
        {
            var response = await fixture.Anonymous().PostAsync(path, new StringContent("grant_type=a%00b&userName=a%00b", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public void A_request_its_client_abandoned_is_not_logged_as_a_server_error()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        var gone = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestAborted = aborted.Token };
        Assert.True(Problems.ProblemExceptionHandler.IsExpected(new OperationCanceledException(), gone));
        Assert.False(Problems.ProblemExceptionHandler.IsExpected(new OperationCanceledException(), new Microsoft.AspNetCore.Http.DefaultHttpContext()));
        Assert.False(Problems.ProblemExceptionHandler.IsExpected(new InvalidOperationException(), gone));
    }

    private static IEnumerable<(string Method, string Path)> Operations(JsonObject document) =>
        document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(op => (op.Key.ToUpperInvariant(), path.Key)));
}
