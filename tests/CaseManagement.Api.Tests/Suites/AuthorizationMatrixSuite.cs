using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using Mediator;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>
/// The authorization matrix (authorization-matrix.json): every operation of the OpenAPI document,
/// called by every kind of actor with real tokens, must answer the listed status. An operation
/// missing from the table, or listed but gone, fails the test.
/// </summary>
public abstract class AuthorizationMatrixSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task Every_operation_answers_every_actor_as_the_matrix_says()
    {
        var matrix = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "authorization-matrix.json")))!;
        var actors = matrix["actors"]!.AsArray().Select(a => (string)a!).ToList();
        var expected = matrix["operations"]!.AsObject();

        var document = await (await Fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadObjectAsync(HttpStatusCode.OK);
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {p.Key.TrimEnd('/')}"))
            .Where(op => op.Contains(" /api/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(documented, expected.Select(o => o.Key).Order(StringComparer.Ordinal).ToList());
        var setup = new Setup(Fixture, await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker));
        Assert.Equal(documented, setup.Operations.Keys.Order(StringComparer.Ordinal).ToList());

        var clients = await ActorsAsync();
        Assert.Equal(actors.Order(), clients.Keys.Order());
        var failures = new List<string>();
        foreach (var (operation, statuses) in expected)
        {
            foreach (var actor in actors)
            {
                using var request = await setup.Operations[operation]();
                var response = await clients[actor].SendAsync(request);
                var want = (int)statuses![actor]!;
                if ((int)response.StatusCode != want)
                {
                    failures.Add($"{operation} as {actor}: expected {want}, got {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<Dictionary<string, HttpClient>> ActorsAsync() => new()
    {
        ["anonymous"] = Fixture.Anonymous(),
        ["socialWorker"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.SocialWorker),
        ["lawyer"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer),
        ["coordinator"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator),
        ["organisationAdmin"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin),
        ["otherOrganisation"] = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.SocialWorker),
        ["secretariat"] = await Fixture.ClientAsync(null, Roles.Secretariat),
        ["platformAdmin"] = await Fixture.ClientAsync(null, Roles.PlatformAdmin),
        ["machineClient"] = await MachineClientAsync(),
    };

    private async Task<HttpClient> MachineClientAsync()
    {
        var client = await Setup.RegisterClientAsync(Fixture);
        var response = await Fixture.Anonymous().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "stats.read",
        }));
        return Fixture.WithToken((await response.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!.AccessToken);
    }

    /// <summary>Fresh records of organisation A for each call, made by its social worker, so that no call depends on another.</summary>
    private sealed class Setup(ApiFixture fixture, (HttpClient Client, Guid UserId) owner)
    {
        public Dictionary<string, Func<Task<HttpRequestMessage>>> Operations => new()
        {
            ["POST /api/v1/beneficiaries"] = () => Json(HttpMethod.Post, "/api/v1/beneficiaries", Beneficiary("Matrix Person")),
            ["GET /api/v1/beneficiaries"] = () => Get("/api/v1/beneficiaries"),
            ["GET /api/v1/beneficiaries/{id}"] = async () => await Get($"/api/v1/beneficiaries/{await BeneficiaryAsync()}"),
            ["PUT /api/v1/beneficiaries/{id}"] = async () =>
            {
                var body = Beneficiary("Matrix Person Renamed");
                body["version"] = 0;
                return await Json(HttpMethod.Put, $"/api/v1/beneficiaries/{await BeneficiaryAsync()}", body);
            },
            ["POST /api/v1/beneficiaries/search"] = () => Json(HttpMethod.Post, "/api/v1/beneficiaries/search", new { fullName = "Matrix Person" }),
            ["POST /api/v1/cases"] = async () => await Json(HttpMethod.Post, "/api/v1/cases", new { beneficiaryId = await BeneficiaryAsync(), openedOn = "2026-01-05" }),
            ["GET /api/v1/cases"] = () => Get("/api/v1/cases"),
            ["GET /api/v1/cases/{id}"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}"),
            ["POST /api/v1/cases/{id}/assign"] = async () =>
            {
                var (id, version) = await CaseAsync();
                return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/assign", new { version, workerId = owner.UserId });
            },
            ["POST /api/v1/cases/{id}/close"] = async () =>
            {
                var (id, version) = await CaseAsync();
                return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/close", new { version, reason = "Other", closedOn = "2026-02-01" });
            },
            ["POST /api/v1/cases/{id}/reopen"] = async () =>
            {
                var (id, version) = await CaseAsync();
                var closed = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/close", new { version, reason = "Other", closedOn = "2026-02-01" })).ReadObjectAsync(HttpStatusCode.OK);
                return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/reopen", new { version = (int)closed["version"]! });
            },
            ["POST /api/v1/cases/{id}/counsellors"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/counsellors", new { userId = await UserAsync() }),
            ["POST /api/v1/cases/{caseId}/services"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/services", new { type = "Counselling", startDate = "2026-01-06" }),
            ["GET /api/v1/cases/{caseId}/services"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}/services"),
            ["POST /api/v1/cases/{caseId}/services/{episodeId}/end"] = async () =>
            {
                var (id, _) = await CaseAsync();
                var episode = await (await owner.Client.PostJsonAsync($"/api/v1/cases/{id}/services", new { type = "Residential", startDate = "2026-01-06" })).ReadObjectAsync(HttpStatusCode.Created);
                return await Json(HttpMethod.Post, $"/api/v1/cases/{id}/services/{(Guid)episode["id"]!}/end", new { endDate = "2026-01-20" });
            },
            ["POST /api/v1/cases/{caseId}/notes"] = async () => await Json(HttpMethod.Post, $"/api/v1/cases/{(await CaseAsync()).Id}/notes", new { sensitivity = "Ordinary", content = "Matrix note." }),
            ["GET /api/v1/cases/{caseId}/notes"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}/notes"),
            ["GET /api/v1/cases/{caseId}/access-log"] = async () => await Get($"/api/v1/cases/{(await CaseAsync()).Id}/access-log"),
            ["GET /api/v1/audit/verify"] = () => Get("/api/v1/audit/verify"),
            ["GET /api/v1/admin/users"] = () => Get("/api/v1/admin/users"),
            ["POST /api/v1/admin/users"] = () => Json(HttpMethod.Post, "/api/v1/admin/users", new { userName = Unique("staff"), roles = new[] { Roles.SocialWorker } }),
            ["PUT /api/v1/admin/users/{userId}/roles"] = async () => await Json(HttpMethod.Put, $"/api/v1/admin/users/{await UserAsync()}/roles", new { roles = new[] { Roles.Coordinator } }),
            ["POST /api/v1/admin/users/{userId}/disable"] = async () => await Json(HttpMethod.Post, $"/api/v1/admin/users/{await UserAsync()}/disable", new { }),
            ["POST /api/v1/platform/organisations"] = () => Json(HttpMethod.Post, "/api/v1/platform/organisations", new { name = Unique("Asociatia"), adminUserName = Unique("admin") }),
            ["POST /api/v1/platform/organisations/{organisationId}/disable"] = async () => await Json(HttpMethod.Post, $"/api/v1/platform/organisations/{await OrganisationAsync()}/disable", new { }),
            ["POST /api/v1/platform/clients"] = () => Json(HttpMethod.Post, "/api/v1/platform/clients", new { displayName = "Statistics", scopes = new[] { "stats.read" } }),
            ["DELETE /api/v1/platform/clients/{clientId}"] = async () => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/platform/clients/{(await RegisterClientAsync(fixture)).ClientId}"),
        };

        public static async Task<NewMachineClient> RegisterClientAsync(ApiFixture fixture)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IIdentityAdministration>().RegisterClientAsync("Matrix client", ["stats.read"], CancellationToken.None);
        }

        private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

        private static Task<HttpRequestMessage> Json(HttpMethod method, string path, object body) =>
            Task.FromResult(new HttpRequestMessage(method, path) { Content = Body(JsonSerializer.Serialize(body, ApiCalls.Json)) });

        private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

        private Task<Guid> BeneficiaryAsync() => owner.Client.RegisterAsync(Beneficiary("Matrix Person"));

        /// <summary>A case assigned to the social worker, so that the access log is theirs to read.</summary>
        private async Task<(Guid Id, int Version)> CaseAsync()
        {
            var opened = await (await owner.Client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await BeneficiaryAsync(), openedOn = "2026-01-05", assignedWorkerId = owner.UserId }))
                .ReadObjectAsync(HttpStatusCode.Created);
            return ((Guid)opened["id"]!, (int)opened["version"]!);
        }

        private async Task<Guid> UserAsync() => (await fixture.CreateUserAsync(fixture.OrganisationA, Roles.SocialWorker)).Id;

        private async Task<Guid> OrganisationAsync()
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateOrganisationCommand(Unique("Fundatia"), Unique("admin")))).Id;
        }
    }
}
