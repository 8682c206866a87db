using System.Security.Claims;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Security;

/// <summary>
/// The caller: the system, where the scope asked for it; otherwise the request's user, read from the
/// access token's claims (refreshed from the database by <see cref="UserAccessClaimsTransformation"/>).
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor, SystemCaller system) : ICurrentUser
{
    public const string SystemClientId = "system";

    public Guid? UserId => Read(CaseManagementClaims.Subject);

    public Guid? OrganisationId => system.IsActive ? system.OrganisationId : Read(CaseManagementClaims.Organisation);

    public string? ClientId => system.IsActive ? SystemClientId : Principal?.FindFirstValue("client_id") ?? Principal?.FindFirstValue("azp");

    public bool IsSystem => system.IsActive;

    public bool IsInRole(string role) => Principal?.HasClaim(CaseManagementClaims.Role, role) == true;

    public bool HasScope(string scope) => Principal?.HasScope(scope) == true;

    /// <summary>The system's scope carries no user, even when it was opened during a request.</summary>
    private ClaimsPrincipal? Principal => !system.IsActive && accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    private Guid? Read(string claim) => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}
