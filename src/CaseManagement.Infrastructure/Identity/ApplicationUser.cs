using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>A member of staff: of one organisation, or of the platform (no organisation).</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>The NGO the user works for; null for platform users (secretariat, administrators).</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>A disabled user loses access on the next request, whatever tokens they hold.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where invitations go (see <c>StaffAddresses</c>): sealed, and not Identity's clear <c>Email</c>.</summary>
    public string? SealedEmail { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted: no code of that step or earlier works again.</summary>
    public long LastAuthenticatorStep { get; set; }
}
