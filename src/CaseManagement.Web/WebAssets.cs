using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseManagement.Web;

/// <summary>
/// The pages' stylesheet, embedded in this assembly and served by the host: no CDN, and the same
/// in Development, in the tests and in a published single directory. Its path carries a hash of
/// its content, so a new version is never read from a stale cache.
/// </summary>
public static class WebAssets
{
    private static readonly byte[] Stylesheet = Read("app.css");

    public static readonly string StylesheetPath = $"/assets/app.{Convert.ToHexStringLower(SHA256.HashData(Stylesheet))[..12]}.css";

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(StylesheetPath, () => Results.Bytes(Stylesheet, "text/css; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseManagement.Web.Assets." + resource)
            ?? throw new InvalidOperationException($"Missing embedded asset {resource}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
