using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity.Invitations;

/// <summary>
/// Builds the link a person opens. The token travels in the fragment (after '#'): browsers never
/// send a fragment to the server, so it reaches no access log, proxy or Referer header; the page
/// reads it and posts it.
/// </summary>
public sealed class InvitationLinks(
    IOptions<InvitationOptions> invitations, IOptions<CaseManagementIdentityOptions> identity, IHttpContextAccessor accessor)
{
    public const string PagePath = "/account/invitation";

    /// <summary>The full link, or only its path and fragment when no public address is known (the <c>bootstrap</c> verb without one).</summary>
    public string Build(string token) => BaseUrl() + PagePath + "#" + token;

    /// <summary>True when links start with an address, so that a person can open them as they are.</summary>
    public bool IsAbsolute => BaseUrl().Length > 0;

    private string BaseUrl()
    {
        var configured = invitations.Value.BaseUrl ?? identity.Value.Issuer;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        return accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : string.Empty;
    }
}
