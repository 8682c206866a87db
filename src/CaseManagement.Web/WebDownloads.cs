using System.Text.Json;
using CaseManagement.Application.Beneficiaries.Queries.ExportBeneficiary;
using CaseManagement.Application.Statistics.Commands.ObtainRelease;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Web.Formats;
using CaseManagement.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseManagement.Web;

/// <summary>
/// The files the pages offer, for a person signed in with the cookie: the statistics release (the
/// same the API serves, as CSV or XLSX) and a person's subject-access export (posted). The use case decides
/// who may have each and audits it; a refusal is the API's problem answer, as for any file a
/// browser downloads. File names carry a period or an id, never personal data.
/// </summary>
public static class WebDownloads
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapWebDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics/{period}/{format:regex(^(csv|xlsx)$)}", async (string period, string format, ISender sender, CancellationToken cancellationToken) =>
            {
                var release = await sender.Send(new ObtainReleaseCommand(period, null), cancellationToken);
                return ReleaseFiles.Of(ReleaseJson.Deserialize(release.Content), format, $"protect-statistics-{release.Period}-r{release.Revision}");
            })
            .RequireAuthorization(WebPolicies.SignedIn)
            .ExcludeFromDescription();

        // Posted from the record's page with its antiforgery token: a link on another site cannot make an administrator's browser fetch (and audit) a person's file.
        app.MapPost("/records/{id:guid}/export", async (Guid id, HttpContext context, IAntiforgery antiforgery, ISender sender, CancellationToken cancellationToken) =>
            {
                await antiforgery.ValidateRequestAsync(context);
                var export = await sender.Send(new ExportBeneficiaryQuery(id), cancellationToken);
                return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, Indented), "application/json", $"subject-access-{id}.json");
            })
            .RequireAuthorization(WebPolicies.SignedIn)
            .DisableAntiforgery() // validated above, before the use case runs
            .ExcludeFromDescription();
        return app;
    }
}
