using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>The page at "/": where a sign-in without a return URL lands, instead of a JSON 401.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context, IAntiforgery antiforgery) =>
            {
                var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
                return SignInPages.Landing(context, antiforgery, signIn.Succeeded ? signIn.Principal.FindFirstValue(OpenIddictConstants.Claims.Name) : null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
