namespace CaseManagement.Infrastructure.Identity;

/// <summary>A public client people sign in through, registered by the <c>bootstrap</c> verb from configuration.</summary>
public sealed class SignInClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary><c>Interactive</c> (a browser application: code flow with PKCE) or <c>CommandLine</c> (the device flow).</summary>
    public string Kind { get; set; } = "Interactive";

    /// <summary>Where an interactive client receives its code: https, or http on this machine only.</summary>
    public List<string> RedirectUris { get; set; } = [];
}
