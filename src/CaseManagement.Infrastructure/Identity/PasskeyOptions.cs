namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Where passkeys belong (<c>Identity:Passkeys</c>). A passkey is bound to its relying party id (a
/// host name) for good: one registered under one name never works under another, so a deployment
/// sets it once. Unset, both follow <see cref="CaseManagementIdentityOptions.Issuer"/>, and without
/// an issuer the request's own host, as Development and the tests do (<c>localhost</c>).
/// </summary>
public sealed class PasskeyOptions
{
    /// <summary>The relying party id, a host name such as <c>cases.example.org</c>; never an IP address, which browsers refuse.</summary>
    public string? ServerDomain { get; set; }

    /// <summary>The origins (<c>https://cases.example.org</c>) whose pages may use a passkey here; the browser reports its page's origin, and any other is refused.</summary>
    public List<string> Origins { get; set; } = [];
}
