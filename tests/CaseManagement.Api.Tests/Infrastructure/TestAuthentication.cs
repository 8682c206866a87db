using System.Security.Claims;
using System.Text.Encodings.Web;
using CaseManagement.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// Registered by the test host only, until real tokens arrive with the identity issue: the caller
/// names its user and organisation in headers. A request without them stays anonymous.
/// </summary>
internal sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string OrganisationHeader = "X-Test-Organisation";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(UserHeader, out var user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        List<Claim> claims = [new(CaseManagementClaims.Subject, user.ToString())];
        if (Request.Headers.TryGetValue(OrganisationHeader, out var organisation))
        {
            claims.Add(new Claim(CaseManagementClaims.Organisation, organisation.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
