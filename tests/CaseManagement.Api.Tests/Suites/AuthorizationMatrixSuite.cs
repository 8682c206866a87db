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
        var setup = new OperationRequests(Fixture, await Fixture.ActorAsync(Fixture.OrganisationA, Roles.SocialWorker));
        Assert.Equal(documented, setup.Operations.Keys.Order(StringComparer.Ordinal).ToList());

        var clients = await ActorsAsync();
        Assert.Equal(actors.Order(), clients.Keys.Order());
        var failures = new List<string>();
        var answers = new List<(string Call, bool Foreign, string Body)>();
        foreach (var (operation, statuses) in expected)
        {
            // Each actor let through gets records of its own (a success may change them); those refused share one set.
            Func<HttpRequestMessage>? refused = null;
            foreach (var actor in actors)
            {
                var want = (int)statuses![actor]!;
                using var request = want is >= 200 and < 300 ? await setup.Operations[operation]() : (refused ??= await setup.PreparedAsync(operation))();
                var response = await clients[actor].SendAsync(request);
                if ((int)response.StatusCode != want)
                {
                    failures.Add($"{operation} as {actor}: expected {want}, got {(int)response.StatusCode}");
                }
                else if (actor != "socialWorker" && response.IsSuccessStatusCode)
                {
                    answers.Add(($"{operation} as {actor}", actor.StartsWith("other", StringComparison.Ordinal), await response.Content.ReadAsStringAsync()));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // What another organisation's staff are given holds none of organisation A's records or staff,
        // and no restricted note reaches anyone but its author (the colleague lists the same notes).
        Assert.Contains(answers, a => a.Foreign);
        Assert.Contains(answers, a => a.Call == "GET /api/v1/cases/{caseId}/notes as colleague");
        Assert.NotEmpty(setup.RestrictedContents);
        var leaks = answers
            .SelectMany(answer => setup.CreatedIds.Where(id => answer.Foreign && answer.Body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).Select(id => $"{answer.Call} shows {id}")
                .Concat(setup.RestrictedContents.Where(text => answer.Body.Contains(text, StringComparison.Ordinal)).Select(_ => $"{answer.Call} shows a restricted note")))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    private async Task<Dictionary<string, HttpClient>> ActorsAsync() => new()
    {
        ["anonymous"] = Fixture.Anonymous(),
        ["socialWorker"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.SocialWorker),
        ["colleague"] = (await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker)).Client,
        ["lawyer"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Lawyer),
        ["coordinator"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.Coordinator),
        ["organisationAdmin"] = await Fixture.ClientAsync(Fixture.OrganisationA, Roles.OrganisationAdmin),
        ["otherSocialWorker"] = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.SocialWorker),
        ["otherLawyer"] = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.Lawyer),
        ["otherCoordinator"] = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.Coordinator),
        ["otherOrganisationAdmin"] = await Fixture.ClientAsync(Fixture.OrganisationB, Roles.OrganisationAdmin),
        ["secretariat"] = await Fixture.ClientAsync(null, Roles.Secretariat),
        ["platformAdmin"] = await Fixture.ClientAsync(null, Roles.PlatformAdmin),
        ["machineClient"] = await MachineClientAsync(),
    };

    /// <summary>The statistics integration: a registered key, and a token obtained with a signed client assertion.</summary>
    private async Task<HttpClient> MachineClientAsync()
    {
        using var key = MachineClientKey.EcP256();
        var client = await MachineClients.RegisterAsync(Fixture, key, "Matrix client");
        var response = await MachineClients.RequestTokenAsync(Fixture.Anonymous(), client.ClientId, key.Assertion(client.ClientId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Fixture.WithToken((await response.Content.ReadFromJsonAsync<SignInFlow.Tokens>())!.AccessToken);
    }
}
