using CaseManagement.Application.Statistics.Commands.ObtainRelease;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Web.Formats;
using CaseManagement.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseManagement.Web;

/// <summary>
/// The statistics page's downloads: the same release the API serves, as CSV or XLSX, for a person
/// signed in with the cookie. The use case decides who may have it (the secretariat) and audits it;
/// a refusal is the API's problem answer, as for any file a browser downloads.
/// </summary>
public static class StatisticsDownloads
{
    public static IEndpointRouteBuilder MapStatisticsDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/statistics/{period}/{format:regex(^(csv|xlsx)$)}", async (string period, string format, ISender sender, CancellationToken cancellationToken) =>
            {
                var release = await sender.Send(new ObtainReleaseCommand(period, null), cancellationToken);
                return ReleaseFiles.Of(ReleaseJson.Deserialize(release.Content), format, $"protect-statistics-{release.Period}-r{release.Revision}");
            })
            .RequireAuthorization(WebPolicies.SignedIn)
            .ExcludeFromDescription();
        return app;
    }
}
