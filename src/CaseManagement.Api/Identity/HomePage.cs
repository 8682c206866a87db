using System.Security.Claims;
using CaseManagement.Web.Security;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>The page at "/": where a sign-in without a return URL lands, instead of a JSON 401.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext context) =>
            {
                await CookieUser.ApplyAsync(context); // whoever the sign-in cookie names, as the page's forms are made for
                return SignInPages.Landing(context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(OpenIddictConstants.Claims.Name) : null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
