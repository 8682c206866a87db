namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A member of staff as administrators see them: no secrets.</summary>
public sealed record StaffMember(Guid Id, string UserName, Guid? OrganisationId, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactorEnabled);

/// <summary>A new account and its one-time password: shown once, never stored in clear.</summary>
public sealed record NewStaffMember(Guid Id, string UserName, string OneTimePassword);

/// <summary>A new machine client and its secret: shown once, only its hash is kept.</summary>
public sealed record NewMachineClient(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes);

/// <summary>Staff accounts and machine clients, kept by the identity server.</summary>
public interface IIdentityAdministration
{
    Task<NewStaffMember> CreateUserAsync(Guid? organisationId, string userName, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken);

    Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    Task DisableUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Lets a disabled account sign in again; its tokens from before the disable stay refused.</summary>
    Task EnableUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken);

    Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken);
}
