using CaseManagement.Application.Auditing.Queries.GetCaseAccessLog;
using CaseManagement.Application.Auditing.Queries.VerifyAuditChain;
using Mediator;

namespace CaseManagement.Api.Endpoints;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{caseId:guid}/access-log", async (Guid caseId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCaseAccessLogQuery(caseId), ct)))
        .WithTags("Audit")
        .WithName("GetCaseAccessLog")
        .WithSummary("Who read or changed this case, its services and its notes.");

        api.MapGet("/audit/verify", async (ISender sender, CancellationToken ct, long? expectedHeadSequence = null, string? expectedHeadHash = null) =>
            TypedResults.Ok(await sender.Send(new VerifyAuditChainQuery(expectedHeadSequence, expectedHeadHash), ct)))
        .WithTags("Audit")
        .WithName("VerifyAuditChain")
        .WithSummary("Recomputes the organisation's audit chain; give the head you exported earlier to detect truncation.");

        return api;
    }
}
