namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A member of staff as administrators see them: no secrets.</summary>
public sealed record StaffMember(Guid Id, string UserName, Guid? OrganisationId, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactorEnabled);

/// <summary>A new account and its one-time password: shown once, never stored in clear.</summary>
public sealed record NewStaffMember(Guid Id, string UserName, string OneTimePassword);

/// <summary>
/// A new machine client: the thumbprint (RFC 7638) of the public key it registered, or, only where
/// secrets are allowed and no key was given, its secret, shown once (only its hash is kept).
/// </summary>
public sealed record NewMachineClient(string ClientId, IReadOnlyList<string> Scopes, string? KeyThumbprint, string? ClientSecret);

/// <summary>Staff accounts and machine clients, kept by the identity server.</summary>
public interface IIdentityAdministration
{
    Task<NewStaffMember> CreateUserAsync(Guid? organisationId, string userName, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    Task DisableUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Disables every account of an organisation at once.</summary>
    Task DisableOrganisationUsersAsync(Guid organisationId, CancellationToken cancellationToken);

    Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Registers a client-credentials client that signs assertions with <paramref name="publicKeyPem"/>; without a key, it gets a secret.</summary>
    Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, string? publicKeyPem, CancellationToken cancellationToken);

    Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken);
}
