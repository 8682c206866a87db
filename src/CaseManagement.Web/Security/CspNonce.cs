using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace CaseManagement.Web.Security;

/// <summary>
/// A number used once per response, for the few script elements a page carries: the host's
/// Content-Security-Policy then allows scripts by it alone (script-src 'nonce-…'), so a script
/// injected into the page, even one pointing at a file on this host, does not run.
/// </summary>
public static class CspNonce
{
    public const string ItemKey = "casemanagement.csp-nonce";

    /// <summary>This response's nonce, made on first use.</summary>
    public static string For(HttpContext context)
    {
        if (context.Items[ItemKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[ItemKey] = nonce;
        }

        return nonce;
    }

    /// <summary>The nonce a page used, or null when it carried no script.</summary>
    public static string? Used(HttpContext context) => context.Items[ItemKey] as string;
}
