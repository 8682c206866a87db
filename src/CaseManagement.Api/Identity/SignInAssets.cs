using System.Reflection;

namespace CaseManagement.Api.Identity;

/// <summary>The stylesheet and icons of the sign-in pages, embedded in the assembly and served by the host: no CDN.</summary>
internal static class SignInAssets
{
    public const string StylesheetPath = "/assets/signin.css";
    public const string InvitationScriptPath = "/assets/invitation.js";
    public const string PasskeyScriptPath = "/assets/passkey.js";

    public static IEndpointRouteBuilder MapSignInAssets(this IEndpointRouteBuilder app)
    {
        Map(app, StylesheetPath, "signin.css", "text/css; charset=utf-8");
        Map(app, InvitationScriptPath, "invitation.js", "text/javascript; charset=utf-8");
        Map(app, PasskeyScriptPath, "passkey.js", "text/javascript; charset=utf-8");
        Map(app, "/favicon.svg", "favicon.svg", "image/svg+xml");
        Map(app, "/favicon.ico", "favicon.ico", "image/x-icon");
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string resource, string contentType)
    {
        var bytes = Read(resource);
        app.MapGet(path, (HttpContext context) =>
            {
                // Public, unchanging files: no personal data, so a cache may keep them.
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(bytes, contentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseManagement.Api.Identity.Assets." + resource)
            ?? throw new InvalidOperationException($"Missing embedded asset {resource}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
