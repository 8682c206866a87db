using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using CaseManagement.Web.Security;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>The page at "/": where a sign-in without a return URL lands, instead of a JSON 401.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context, IAntiforgery antiforgery) =>
            {
                await CookieUser.ApplyAsync(context); // the sign-out form's token is then made for the person signed in
                return SignInPages.Landing(context, antiforgery, context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(OpenIddictConstants.Claims.Name) : null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
