using System.Security.Claims;
using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Api.Security;

/// <summary>The caller, read from the authenticated principal's <c>sub</c> and <c>org</c> claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId => Read(CaseManagementClaims.Subject);

    public Guid? OrganisationId => Read(CaseManagementClaims.Organisation);

    private Guid? Read(string claim)
    {
        var principal = accessor.HttpContext?.User;
        return principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(claim), out var id) ? id : null;
    }
}

public static class CaseManagementClaims
{
    public const string Subject = "sub";
    public const string Organisation = "org";
}
