namespace CaseManagement.Infrastructure.Identity.Invitations;

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long a link stays usable.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// The public address links start with, e.g. https://cases.example.org. Unset, the
    /// <c>Identity:Issuer</c> is used, and else the address of the administrator's request.
    /// </summary>
    public string? BaseUrl { get; set; }
}
