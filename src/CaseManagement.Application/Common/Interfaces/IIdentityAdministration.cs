using CaseManagement.Application.Common.Auditing;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A member of staff as administrators see them: no secrets.</summary>
public sealed record StaffMember(
    Guid Id, string UserName, Guid? OrganisationId, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactorEnabled, bool InvitationPending);

/// <summary>
/// An account waiting for its person: the single-use link goes by e-mail when a mail server is
/// configured, and otherwise is in <see cref="InvitationLink"/>, shown this once to pass on by hand.
/// </summary>
public sealed record InvitedStaffMember(Guid Id, string UserName, DateTimeOffset InvitationExpiresAt, bool InvitationEmailed, string? InvitationLink)
    : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

/// <summary>
/// A new machine client: the thumbprint (RFC 7638) of the public key it registered, or, only where
/// secrets are allowed and no key was given, its secret, shown once (only its hash is kept).
/// </summary>
public sealed record NewMachineClient(string ClientId, IReadOnlyList<string> Scopes, string? KeyThumbprint, string? ClientSecret);

/// <summary>Staff accounts and machine clients, kept by the identity server.</summary>
public interface IIdentityAdministration
{
    /// <summary>True when invitations go out by e-mail, so that an address is needed.</summary>
    bool SendsInvitationEmails { get; }

    /// <summary>Opens an account without a password and invites its person to choose one.</summary>
    Task<InvitedStaffMember> CreateUserAsync(Guid? organisationId, string userName, IReadOnlyList<string> roles, string? email, CancellationToken cancellationToken);

    /// <summary>
    /// A new invitation (a resend, or an administrator's reset): the password, the authenticator and
    /// the recovery codes are cleared, every session ends, and earlier links stop working. With a mail
    /// server, the link goes to the address the account was created with, never to another.
    /// </summary>
    Task<InvitedStaffMember> ReinviteAsync(Guid userId, string? email, CancellationToken cancellationToken);

    /// <summary>True once the account's person has accepted an invitation (a reset since does not undo it).</summary>
    Task<bool> HasAcceptedInvitationAsync(Guid userId, CancellationToken cancellationToken);

    Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>Secretariat and platform administrators: the users of no organisation.</summary>
    Task<IReadOnlyList<StaffMember>> ListPlatformUsersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The administrators of the organisations nobody has started yet (no one there has a password or ever used an
    /// invitation): the first administrator the platform made with each, until they take it up.
    /// </summary>
    Task<IReadOnlyList<StaffMember>> ListFirstAdministratorsAsync(CancellationToken cancellationToken);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    Task DisableUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Lets a disabled account sign in again; its tokens from before the disable stay refused.</summary>
    Task EnableUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Registers a client-credentials client that signs assertions with <paramref name="publicKeyPem"/>; without a key, it gets a secret.</summary>
    Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, string? publicKeyPem, CancellationToken cancellationToken);

    /// <summary>The registered machine clients (not the host's own configured ones).</summary>
    Task<IReadOnlyList<MachineClient>> ListClientsAsync(CancellationToken cancellationToken);

    Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken);
}
