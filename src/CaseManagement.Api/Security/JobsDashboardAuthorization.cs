using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Security;

/// <summary>
/// The job dashboard at /hangfire: platform administrators only, signed in to this site with a
/// second factor (the sign-in cookie; the dashboard is a page, not an API). Jobs carry no arguments
/// and no personal data, so the dashboard shows none.
/// </summary>
internal sealed class JobsDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public const string Path = "/hangfire";

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var signIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signIn.Succeeded)
        {
            http.User = signIn.Principal; // so that a signed-in person without the role gets 403, not 401
        }

        return signIn.Succeeded && signIn.Principal.IsInRole(Roles.PlatformAdmin) && AuthenticationMethods.HasSecondFactor(signIn.Principal);
    }
}
