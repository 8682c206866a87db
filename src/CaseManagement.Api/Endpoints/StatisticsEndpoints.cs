using System.Globalization;
using CaseManagement.Web.Formats;
using CaseManagement.Application.Statistics;
using CaseManagement.Application.Statistics.Commands.ObtainRelease;
using CaseManagement.Application.Statistics.Queries.GetOrganisationFigures;
using CaseManagement.Application.Statistics.Queries.ListReleases;
using CaseManagement.Application.Statistics.Releases;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace CaseManagement.Api.Endpoints;

/// <summary>
/// The platform's figures: frozen releases and their ledger for the secretariat and its machine
/// clients, and an organisation's own provisional figures for its coordinators. Periods are named
/// ("2025", "2025-Q3", "2025-07"); nothing else in the query string is accepted, so no range can be asked for.
/// </summary>
internal static class StatisticsEndpoints
{
    private static readonly string[] Formats = ["json", "csv", "xlsx"];

    /// <summary>The secretariat's operations (policy: statistics readers only).</summary>
    public static RouteGroupBuilder MapStatisticsReleases(this RouteGroupBuilder statistics)
    {
        statistics.MapGet("/releases/{period}", async (string period, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (format, revision) = ReadQuery(http, allowRevision: true);
            var release = await sender.Send(new ObtainReleaseCommand(period, revision), ct);
            if (format != "json")
            {
                return ReleaseFiles.Of(ReleaseJson.Deserialize(release.Content), format, $"protect-statistics-{release.Period}-r{release.Revision}");
            }

            // The ledger's hash is of exactly these bytes.
            http.Response.Headers.ETag = $"\"{release.ContentHash}\"";
            return Results.Bytes(release.Content, "application/json");
        })
        .WithQueryParameters(revision: true)
        .WithName("GetStatisticsRelease")
        .WithSummary("A closed period's release (latest revision, or ?revision=n) as JSON, CSV or XLSX (?format=); the first request after the period closes freezes it.")
        .Produces<ReleaseDocument>(StatusCodes.Status200OK, "application/json")
        .Produces(StatusCodes.Status200OK, contentType: ReleaseCsv.ContentType)
        .Produces(StatusCodes.Status200OK, contentType: ReleaseXlsx.ContentType);

        statistics.MapGet("/ledger", async (HttpContext http, ISender sender, CancellationToken ct) =>
        {
            ReadQuery(http, allowRevision: false, allowFormat: false);
            return TypedResults.Ok(await sender.Send(new ListReleasesQuery(), ct));
        })
        .WithName("ListStatisticsReleases")
        .WithSummary("The release ledger: every release frozen, with its period, revision, tables, parameters, time and SHA-256.");

        return statistics;
    }

    /// <summary>An organisation's own figures (coordinators), under the organisation members' group.</summary>
    public static RouteGroupBuilder MapOrganisationFigures(this RouteGroupBuilder api)
    {
        api.MapGet("/figures/{period}", async (string period, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (format, _) = ReadQuery(http, allowRevision: false);
            var figures = await sender.Send(new GetOrganisationFiguresQuery(period), ct);
            return format == "json" ? Results.Json(figures, ReleaseJson.Options) : ReleaseFiles.Of(figures, format, $"figures-{figures.Period}");
        })
        .WithQueryParameters(revision: false)
        .WithTags("Statistics")
        .WithName("GetOrganisationFigures")
        .WithSummary("The caller's organisation's own figures for a period, unsuppressed; provisional while the period is open.")
        .Produces<ReleaseDocument>(StatusCodes.Status200OK, "application/json")
        .Produces(StatusCodes.Status200OK, contentType: ReleaseCsv.ContentType)
        .Produces(StatusCodes.Status200OK, contentType: ReleaseXlsx.ContentType);

        return api;
    }

    /// <summary>Declares in the OpenAPI document the query parameters <see cref="ReadQuery"/> reads by hand.</summary>
    private static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, bool revision) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "format",
                In = ParameterLocation.Query,
                Description = "json (the default), csv or xlsx.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Formats.Select(f => JsonValue.Create(f))] },
            });
            if (revision)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "revision",
                    In = ParameterLocation.Query,
                    Description = "A revision of the release; the latest when left out.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                });
            }

            return Task.CompletedTask;
        });

    /// <summary>The query string, strictly: <c>format</c> and, where allowed, <c>revision</c>, each at most once; anything else is refused.</summary>
    private static (string Format, int? Revision) ReadQuery(HttpContext http, bool allowRevision, bool allowFormat = true)
    {
        var failures = new List<ValidationFailure>();
        foreach (var (key, values) in http.Request.Query)
        {
            var known = (key == "format" && allowFormat) || (key == "revision" && allowRevision);
            if (!known || values.Count != 1)
            {
                failures.Add(new ValidationFailure(key, known ? "Give this parameter once." : $"Unknown parameter. {PeriodRulesText}"));
            }
        }

        var format = http.Request.Query["format"].Count == 1 ? http.Request.Query["format"][0]! : "json";
        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            failures.Add(new ValidationFailure("format", "The format is json, csv or xlsx."));
        }

        int? revision = null;
        if (http.Request.Query["revision"].Count == 1)
        {
            var text = http.Request.Query["revision"][0];
            if (text is { Length: > 0 and <= 6 } && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is >= 1 and var number)
            {
                revision = number;
            }
            else
            {
                failures.Add(new ValidationFailure("revision", "A revision is a whole number from 1."));
            }
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : (format, revision);
    }

    private const string PeriodRulesText = "A period is named in the path; other ranges are not published.";
}
