using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseManagement.Web;

/// <summary>
/// The pages' stylesheet and scripts, embedded in this assembly and served by the host: no CDN,
/// and the same in Development, in the tests and in a published directory. Each path carries a
/// hash of the content, so a page never names an older version (every response is no-store, so
/// no cache holds one either).
/// </summary>
public static class WebAssets
{
    private static readonly Asset Stylesheet = Asset.Read("app", ".css", "text/css; charset=utf-8");
    private static readonly Asset IdleScript = Asset.Read("idle", ".js", "text/javascript; charset=utf-8");
    private static readonly Asset FormsScript = Asset.Read("forms", ".js", "text/javascript; charset=utf-8");

    public static string StylesheetPath => Stylesheet.Path;

    public static string IdleScriptPath => IdleScript.Path;

    public static string FormsScriptPath => FormsScript.Path;

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder app)
    {
        foreach (var asset in new[] { Stylesheet, IdleScript, FormsScript })
        {
            app.MapGet(asset.Path, () => Results.Bytes(asset.Content, asset.ContentType)).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private sealed record Asset(string Path, byte[] Content, string ContentType)
    {
        public static Asset Read(string name, string extension, string contentType)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CaseManagement.Web.Assets.{name}{extension}")
                ?? throw new InvalidOperationException($"Missing embedded asset {name}{extension}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            return new Asset($"/assets/{name}.{Convert.ToHexStringLower(SHA256.HashData(content))[..12]}{extension}", content, contentType);
        }
    }
}
