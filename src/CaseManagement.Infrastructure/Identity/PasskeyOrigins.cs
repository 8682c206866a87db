using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Which page may use a passkey here: the origin the browser signed into the assertion must be one
/// this site serves. Identity's default compares it with the request's Origin header, which a
/// page that sends no referrer may turn into <c>null</c>; here it is compared with the configured
/// origins instead (<see cref="PasskeyOptions.Origins"/>, else the issuer's, else the request's own),
/// and a page framed by another site is refused.
/// </summary>
public static class PasskeyOrigins
{
    public static ValueTask<bool> IsAllowedAsync(PasskeyOriginValidationContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<CaseManagementIdentityOptions>>().Value;
        if (context.CrossOrigin || Normalise(context.Origin) is not { } origin)
        {
            return ValueTask.FromResult(false);
        }

        var request = context.HttpContext.Request;
        IEnumerable<string> allowed = options.Passkeys.Origins.Count > 0 ? options.Passkeys.Origins
            : !string.IsNullOrEmpty(options.Issuer) ? [options.Issuer]
            : [$"{request.Scheme}://{request.Host}"];
        return ValueTask.FromResult(allowed.Select(Normalise).Contains(origin, StringComparer.Ordinal));
    }

    /// <summary>The relying party id: configured, else the issuer's host, else null (Identity then takes the request's host).</summary>
    public static string? ServerDomain(CaseManagementIdentityOptions options) =>
        !string.IsNullOrEmpty(options.Passkeys.ServerDomain) ? options.Passkeys.ServerDomain
        : !string.IsNullOrEmpty(options.Issuer) ? new Uri(options.Issuer, UriKind.Absolute).Host
        : null;

    /// <summary>Scheme, host and port in one canonical spelling (lower case, default ports dropped); null for anything else.</summary>
    private static string? Normalise(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri.GetLeftPart(UriPartial.Authority) : null;
}
