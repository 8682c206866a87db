using System.Security.Claims;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;

namespace CaseManagement.Api.Security;

/// <summary>The caller, read from the access token's claims (refreshed from the database by <see cref="UserAccessClaimsTransformation"/>).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId => Read(CaseManagementClaims.Subject);

    public Guid? OrganisationId => Read(CaseManagementClaims.Organisation);

    public string? ClientId => Principal?.FindFirstValue("client_id") ?? Principal?.FindFirstValue("azp");

    public bool IsSystem => accessor.HttpContext is null;

    public bool IsInRole(string role) => Principal?.HasClaim(CaseManagementClaims.Role, role) == true;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    private Guid? Read(string claim) => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}
