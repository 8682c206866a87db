using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Security;

/// <summary>
/// For the few form endpoints open to anyone (language, sign-out, the home page): the request's
/// user is whoever the sign-in cookie names, as on the pages, so that an antiforgery token made
/// on a page for that person validates here, and a token made for someone else does not.
/// </summary>
public static class CookieUser
{
    public static async Task ApplyAsync(HttpContext context)
    {
        // Anyone else is nobody here, a bearer token's principal included.
        var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        context.User = signIn.Succeeded ? signIn.Principal : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
    }
}
