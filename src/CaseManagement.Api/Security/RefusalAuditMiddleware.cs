using System.Security.Claims;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Auditing;
using Microsoft.AspNetCore.Components.Endpoints;

namespace CaseManagement.Api.Security;

/// <summary>
/// Records API requests and web pages refused before they reach a use case (no token, bad token,
/// no organisation, a page the role may not open): the path's template, never its values.
/// Refusals inside a use case are recorded there.
/// </summary>
internal sealed class RefusalAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAuditTrail trail)
    {
        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            && (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            && !trail.HasRecorded)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var request = $"{context.Request.Method} {route}";
            Guid? organisation = Guid.TryParse(context.User.FindFirstValue(CaseManagementClaims.Organisation), out var org) ? org : null;
            Guid? user = Guid.TryParse(context.User.FindFirstValue(CaseManagementClaims.Subject), out var id) ? id : null;
            await trail.RecordAsync(
                new AuditRecord(organisation, user, context.User.FindFirstValue("client_id"), AuditActions.Request, request[..Math.Min(request.Length, AuditEntry.MaxEntityTypeLength)], null, AuditOutcomes.Denied),
                CancellationToken.None);
        }
    }
}
