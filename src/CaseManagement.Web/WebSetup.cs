using CaseManagement.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Web;

/// <summary>The web application's share of the host: its services, and its endpoints beside the API's.</summary>
public static class WebSetup
{
    public const string CulturePath = "/culture";

    /// <summary>Renews an idle session from a page's warning, without leaving the page.</summary>
    public const string AlivePath = "/session/alive";

    /// <summary>Where the API, the identity server, the sign-in and the operators' tools answer for themselves.</summary>
    private static readonly string[] NotPages = ["/api", "/connect", "/account", "/hangfire", "/health", "/openapi", "/scalar", "/.well-known"];

    /// <summary>The pages' 404, in the layout, for a signed-in person (the policy sends anyone else to sign in).</summary>
    private static readonly Endpoint NotFoundPage = new(
        context => new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(context),
        new EndpointMetadataCollection(new AuthorizeAttribute(WebPolicies.SignedIn)),
        "Web: no such page");

    public static IServiceCollection AddCaseManagementWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddLocalization();
        services.AddScoped<WebSendGate>();
        services.AddAuthorizationBuilder().AddWebPolicies();
        return services;
    }

    /// <summary>Request culture for the pages only: the API's answers stay culture-neutral.</summary>
    public static IApplicationBuilder UseCaseManagementWebCultures(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseRequestLocalization(WebCultures.Options()));

    /// <summary>
    /// An address that no endpoint matched and that is the web application's gets the pages' 404,
    /// not the API's 401 for a missing token. Chosen after routing, not as a catch-all route: a
    /// route would also be a candidate for the API's addresses and turn their 405 and 415 into 404.
    /// </summary>
    public static IApplicationBuilder UseCaseManagementWebNotFound(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && !NotPages.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.SetEndpoint(NotFoundPage);
            }

            return next(context);
        });

    public static IEndpointRouteBuilder MapCaseManagementWeb(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().RequireAuthorization(WebPolicies.SignedIn);
        app.MapWebAssets();
        app.MapWebDownloads();
        app.MapGet(AlivePath, () => Results.NoContent()).RequireAuthorization(WebPolicies.SignedIn).ExcludeFromDescription();

        // Anyone may choose a language, the sign-in page included; the form carries an antiforgery token like every other.
        app.MapPost(CulturePath, async (HttpContext context, IAntiforgery antiforgery) =>
            {
                await CookieUser.ApplyAsync(context);
                await antiforgery.ValidateRequestAsync(context);
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (WebCultures.Find(form["culture"]) is not { } culture)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.", detail: "Unknown language.");
                }

                context.Response.Cookies.Append(WebCultures.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
                return Results.LocalRedirect(LocalUrls.Safe(form["returnUrl"]));
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
