using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static CaseManagement.Api.Tests.Infrastructure.ContractProbe;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>The malformed inputs the probes send; each must be refused with a 4xx problem.</summary>
public static partial class Mutations
{
    private const string LoneSurrogate = "\"\\ud800x\"";

    /// <summary>Every required property of the body, left out.</summary>
    public static IEnumerable<Mutation> MissingRequired(ContractProbe probe, Target t) =>
        t.Schema is null ? [] : Properties(probe, t).Where(p => p.Required).Select(p => new Mutation($"{p.Name} missing", t.Without(p.Name)));

    /// <summary>Each text field (and each text list's items) with control characters, invalid Unicode, blanks and, on one-line fields, tab and direction controls.</summary>
    public static IEnumerable<Mutation> BadText(ContractProbe probe, Target t)
    {
        foreach (var (name, schema, _) in t.Schema is null ? [] : Properties(probe, t))
        {
            var item = TypeOf(schema) == "array" ? probe.Resolve(schema["items"]!) : null;
            var text = item ?? schema;
            if (TypeOf(text) != "string" || text["enum"] is not null || text["format"] is not null)
            {
                continue;
            }

            Func<JsonNode?, JsonNode?> wrap = v => item is null ? v : new JsonArray(v);
            yield return new($"{name} with a control character", t.With(name, wrap("a\u0001b")));
            yield return new($"{name} with NUL", t.With(name, wrap("a\0b")));
            yield return new($"{name} with a lone surrogate", t.With(name, wrap("SURROGATE")).Replace("\"SURROGATE\"", LoneSurrogate, StringComparison.Ordinal));
            yield return new($"{name} only spaces", t.With(name, wrap("   ")));
            yield return new($"{name} with a noncharacter", t.With(name, wrap("a\uFFFEb")));
            if (!IsParagraph(name))
            {
                yield return new($"{name} with a zero-width space", t.With(name, wrap("Ma\u200Bria")));
                yield return new($"{name} with a direction override", t.With(name, wrap("Ana\u202Eanaire")));
                yield return new($"{name} with an isolate", t.With(name, wrap("Ana\u2066x\u2069")));
                yield return new($"{name} with a tab", t.With(name, wrap("a\tb")));
                yield return new($"{name} with a line break", t.With(name, wrap("a\nb")));
            }
        }
    }

    /// <summary>Each enum field with a comma list, a number, another spelling and an unknown name.</summary>
    public static IEnumerable<Mutation> BadEnums(ContractProbe probe, Target t)
    {
        foreach (var (name, schema, _) in t.Schema is null ? [] : Properties(probe, t))
        {
            var item = TypeOf(schema) == "array" ? probe.Resolve(schema["items"]!) : null;
            var names = (item ?? probe.Resolve(schema))["enum"]?.AsArray().Select(n => (string)n!).ToList();
            if (names is null)
            {
                continue;
            }

            Func<JsonNode?, JsonNode?> wrap = v => item is null ? v : new JsonArray(v);
            yield return new($"{name} as a comma list", t.With(name, wrap($"{names[0]}, {names[^1]}")));
            yield return new($"{name} as a number", t.With(name, wrap(1)));
            yield return new($"{name} as a numeric string", t.With(name, wrap("1")));
            yield return new($"{name} in lower case", t.With(name, wrap(names[0].ToLowerInvariant())));
            yield return new($"{name} unknown", t.With(name, wrap("Piracy")));
        }
    }

    /// <summary>Thirty-odd broken versions of every operation's request: its body, its path and its query.</summary>
    public static IEnumerable<Mutation> Malformed(ContractProbe probe, Target t)
    {
        foreach (Match id in GuidInPath().Matches(t.Path))
        {
            yield return new($"unknown id at {id.Index}", null, t.Path.Replace(id.Value, Guid.CreateVersion7().ToString(), StringComparison.Ordinal)) { Body = t.Body?.ToJsonString() };
            yield return new($"malformed id at {id.Index}", null, t.Path.Replace(id.Value, "not-a-guid", StringComparison.Ordinal)) { Body = t.Body?.ToJsonString() };
        }

        if (t.Operation.StartsWith("DELETE /api/v1/platform/clients", StringComparison.Ordinal))
        {
            yield return new("unknown client", null, "/api/v1/platform/clients/client-unknown");
            yield return new("oversized client id", null, "/api/v1/platform/clients/" + new string('c', 300));
        }

        foreach (var query in BadQueries(probe, t))
        {
            yield return query;
        }

        if (t.Schema is null)
        {
            yield break;
        }

        foreach (var (name, body) in new[]
                 {
                     ("empty body", ""), ("truncated", "{\"a\":"), ("not JSON", "not json"), ("null", "null"), ("an array", "[]"),
                     ("a number", "42"), ("a string", "\"text\""), ("trailing garbage", t.Body!.ToJsonString() + "}"),
                     ("too deep", new string('[', 200) + new string(']', 200)), ("unknown member", t.With("isVictim", true)),
                     ("oversized", t.With("padding", new string('p', 70_000))), ("only white space", "   \n "),
                     ("a comment", "/* x */" + t.Body!.ToJsonString()), ("single quotes", t.Body!.ToJsonString().Replace('"', '\'')),
                     ("a trailing comma", t.Body!.ToJsonString().TrimEnd('}') + ",}"), ("NaN", "{\"x\": NaN}"), ("a huge number", "1" + new string('0', 400)),
                     ("a deeply nested object", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)),
                     ("a byte-order mark and garbage", "\uFEFF\u0000"), ("two documents", t.Body!.ToJsonString() + t.Body!.ToJsonString()),
                 })
        {
            yield return new(body.Length > 0 ? name : "empty body", body);
        }

        yield return new("as plain text", t.Body!.ToJsonString(), MediaType: "text/plain");
        yield return new("as a form", "fullName=x", MediaType: "application/x-www-form-urlencoded");
        yield return new("as XML", "<x/>", MediaType: "application/xml");

        foreach (var mutation in MissingRequired(probe, t).Concat(BadText(probe, t)).Concat(BadEnums(probe, t)))
        {
            yield return mutation;
        }

        foreach (var (name, schema, _) in Properties(probe, t))
        {
            var type = TypeOf(schema);
            yield return new($"{name} as an object", t.With(name, new JsonObject { ["x"] = 1 }));
            yield return new($"{name} with the wrong type", t.With(name, type is "string" ? 12345 : "abc"));
            if (!IsNullable(schema))
            {
                yield return new($"{name} null", t.With(name, null));
            }

            if (type == "string" && schema["format"] is null && schema["enum"] is null)
            {
                yield return new($"{name} oversized", t.With(name, new string('x', 20_001)));
            }

            switch ((string?)schema["format"])
            {
                case "date":
                    yield return new($"{name} 30 February", t.With(name, "2024-02-30"));
                    yield return new($"{name} in 1800", t.With(name, "1800-01-01"));
                    yield return new($"{name} in 2999", t.With(name, "2999-01-01"));
                    yield return new($"{name} in another format", t.With(name, "01/02/2026"));
                    break;
                case "uuid":
                    yield return new($"{name} malformed", t.With(name, "not-a-guid"));
                    yield return new($"{name} empty", t.With(name, Guid.Empty.ToString()));
                    break;
            }

            if (type == "integer")
            {
                yield return new($"{name} negative", t.With(name, -1));
                yield return new($"{name} overflowing", t.With(name, JsonNode.Parse("99999999999999999999")));
            }

            if (type == "array")
            {
                var first = t.Body![name]?.AsArray().FirstOrDefault()?.DeepClone();
                yield return new($"{name} with a null item", t.With(name, new JsonArray((JsonNode?)null)));
                yield return new($"{name} with 101 items", t.With(name, new JsonArray([.. Enumerable.Range(0, 101).Select(_ => first?.DeepClone() ?? "x")])));
                yield return new($"{name} not a list", t.With(name, "x"));
            }
        }
    }

    private static IEnumerable<Mutation> BadQueries(ContractProbe probe, Target t)
    {
        var parameters = probe.QueryParameters(t.Operation);
        string[] Bad(string parameter) => parameter switch
        {
            "page" or "pageSize" => ["0", "-1", "abc", "1000000"],
            "status" => ["1", "Active,Closed", "active", "Lost"],
            "expectedHeadSequence" => ["-5", "abc"],
            "expectedHeadHash" => ["zz"],
            _ => ["not-a-guid"],
        };

        foreach (var parameter in parameters)
        {
            foreach (var value in Bad(parameter))
            {
                yield return new($"{parameter}={value}", null, $"{t.Path}?{parameter}={Uri.EscapeDataString(value)}");
            }
        }
    }

    private static IEnumerable<(string Name, JsonObject Schema, bool Required)> Properties(ContractProbe probe, Target t)
    {
        var required = t.Schema!["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        return t.Schema["properties"]!.AsObject().Select(p => (p.Key, probe.Resolve(p.Value!) is var resolved && p.Value!["$ref"] is null && p.Value["oneOf"] is null ? p.Value.AsObject() : Merge(p.Value!, resolved), required.Contains(p.Key)));
    }

    /// <summary>A referenced schema, keeping the nullability the reference site declares.</summary>
    private static JsonObject Merge(JsonNode site, JsonObject resolved)
    {
        var merged = resolved.DeepClone().AsObject();
        if (IsNullable(site))
        {
            merged["type"] = new JsonArray("null", TypeOf(resolved));
        }

        return merged;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidInPath();
}
