using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// Walks the OpenAPI document the way an attacker would: for every operation, a valid request
/// from <see cref="OperationRequests"/>, then broken copies of it, each sent with one of three
/// non-JSON Accept headers by the actor the authorization matrix lets through.
/// </summary>
public sealed class ContractProbe(ApiFixture fixture, JsonObject document, OperationRequests requests, IReadOnlyDictionary<string, HttpClient> owners)
{
    public static readonly string[] AcceptHeaders = ["application/xml", "text/html", "*/*"];

    /// <summary>Free-text fields, where tab and line breaks (and any script direction) are allowed.</summary>
    private static readonly HashSet<string> Paragraphs = ["notes", "content", "note", "address", "purpose", "outcome", "nextPurpose", "reason"];

    private int _sent;

    /// <summary>Every API operation, as "METHOD /path" (the matrix's keys).</summary>
    public IEnumerable<string> Operations => document["paths"]!.AsObject()
        .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
        .SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {p.Key}"))
        .Order(StringComparer.Ordinal);

    public static async Task<ContractProbe> CreateAsync(ApiFixture fixture)
    {
        var document = await (await fixture.Anonymous().GetAsync("/openapi/v1.json")).ReadObjectAsync(HttpStatusCode.OK);
        var requests = new OperationRequests(fixture, await fixture.ActorAsync(fixture.OrganisationA, Roles.SocialWorker));
        var matrix = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "authorization-matrix.json")))!["operations"]!.AsObject();
        var owners = new Dictionary<string, HttpClient>();
        foreach (var (operation, statuses) in matrix)
        {
            var role = new[] { "socialWorker", "coordinator", "organisationAdmin", "platformAdmin", "lawyer", "secretariat" }.First(a => (int)statuses![a]! < 300);
            owners[operation] = await fixture.ClientAsync(role is "platformAdmin" or "secretariat" ? null : fixture.OrganisationA, char.ToUpperInvariant(role[0]) + role[1..]);
        }

        return new ContractProbe(fixture, document, requests, owners);
    }

    /// <summary>
    /// Sends every mutation <paramref name="mutate"/> makes of every operation's valid request, and
    /// returns the failures; a change to the stored data while the mutations ran is one too.
    /// </summary>
    public async Task<(int Sent, List<string> Failures)> ProbeAsync(Func<Target, IEnumerable<Mutation>> mutate, Func<HttpResponseMessage, Task<string?>> judge)
    {
        var failures = new List<string>();
        var sent = _sent;
        var targets = new List<Target>();
        foreach (var operation in Operations)
        {
            targets.Add(await TargetAsync(operation));
        }

        var before = await StateAsync();
        foreach (var target in targets)
        {
            var operation = target.Operation;
            foreach (var mutation in mutate(target))
            {
                using var request = new HttpRequestMessage(target.Method, mutation.Path ?? target.Path);
                foreach (var (name, values) in target.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, values);
                }

                if (mutation.Body is { } body)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, mutation.MediaType);
                }

                request.Headers.Accept.Clear();
                request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(AcceptHeaders[_sent++ % AcceptHeaders.Length]));
                var response = await owners[operation].SendAsync(request);
                if (await judge(response) is { } problem)
                {
                    failures.Add($"{operation} [{mutation.Name}]: {problem}");
                }
            }
        }

        if (await StateAsync() != before)
        {
            failures.Add("the stored data changed: a refused request wrote something");
        }

        return (_sent - sent, failures);
    }

    /// <summary>A refusal: a 4xx RFC 9457 problem without a stack trace, a file path or a token in it.</summary>
    public static async Task<string?> RefusedAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
        {
            return $"answered {status}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }

        return text.Contains("   at ", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal) || text.Contains("Bearer", StringComparison.OrdinalIgnoreCase)
            ? $"{status} body leaks internals"
            : null;
    }

    /// <summary>Everything a command could write: case data (ciphertext included), staff, clients and organisations.</summary>
    private Task<string> StateAsync() => fixture.WithDbAsync(async db =>
        await fixture.FingerprintAsync() + $"|users {await db.Users.CountAsync()}|clients {await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>().CountAsync()}");

    private async Task<Target> TargetAsync(string operation)
    {
        using var valid = await requests.Operations[operation]();
        var body = valid.Content is null ? null : JsonNode.Parse(await valid.Content.ReadAsStringAsync())!.AsObject();
        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        var schema = document["paths"]![template]![method.ToLowerInvariant()]!["requestBody"]?["content"]?["application/json"]?["schema"];
        // Headers the operation needs (an Idempotency-Key) go with every broken copy, so that the body is what gets judged.
        var headers = valid.Headers.Select(h => (h.Key, h.Value.ToArray())).ToList();
        return new Target(operation, valid.Method, valid.RequestUri!.ToString(), body, schema is null ? null : Resolve(schema), headers);
    }

    /// <summary>Follows <c>$ref</c>, and the <c>oneOf [null, $ref]</c> of a nullable reference.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        if (node["$ref"] is { } reference)
        {
            return Resolve(document["components"]!["schemas"]![((string)reference!)["#/components/schemas/".Length..]]!);
        }

        return node["oneOf"] is JsonArray choices && choices.FirstOrDefault(c => c!["$ref"] is not null) is { } referenced ? Resolve(referenced!) : node;
    }

    /// <summary>The query parameters the document declares for <paramref name="operation"/>.</summary>
    public IEnumerable<string> QueryParameters(string operation)
    {
        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        return document["paths"]![template]![method.ToLowerInvariant()]!["parameters"]?.AsArray()
            .Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!) ?? [];
    }

    public static bool IsNullable(JsonNode schema) =>
        (schema["type"] is JsonArray types && types.Any(t => (string?)t == "null"))
        || (schema["oneOf"] is JsonArray choices && choices.Any(c => (string?)c!["type"] == "null"));

    public static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue single => (string?)single,
        _ => null,
    };

    public static bool IsParagraph(string property) => Paragraphs.Contains(property);

    /// <summary>One operation's valid request, and its body's schema.</summary>
    public sealed record Target(string Operation, HttpMethod Method, string Path, JsonObject? Body, JsonObject? Schema, IReadOnlyList<(string Name, string[] Values)> Headers)
    {
        public string With(string property, JsonNode? value)
        {
            var copy = Body!.DeepClone().AsObject();
            copy[property] = value;
            return copy.ToJsonString();
        }

        public string Without(string property)
        {
            var copy = Body!.DeepClone().AsObject();
            copy.Remove(property);
            return copy.ToJsonString();
        }
    }

    /// <summary>A broken copy of a valid request: another body, or another path (with its query).</summary>
    public sealed record Mutation(string Name, string? Body, string? Path = null, string MediaType = "application/json");
}
