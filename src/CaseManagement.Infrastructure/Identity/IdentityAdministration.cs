using System.Linq.Expressions;
using System.Security.Cryptography;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Identity.Invitations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace CaseManagement.Infrastructure.Identity;

internal sealed class IdentityAdministration(
    UserManager<ApplicationUser> users, IOpenIddictApplicationManager applications, StaffInvitations invitations, InvitationLinks links,
    IInvitationMailer mailer, StaffAddresses addresses, ICurrentUser caller, TimeProvider clock) : IIdentityAdministration
{
    /// <summary>What every registered machine client's id begins with; the host's configured clients have names of their own.</summary>
    private const string MachineClientPrefix = "client-";

    public bool SendsInvitationEmails => mailer.IsConfigured;

    public async Task<InvitedStaffMember> CreateUserAsync(
        Guid? organisationId, string userName, IReadOnlyList<string> roles, string? email, CancellationToken cancellationToken)
    {
        // No password at all until the person accepts the invitation: nobody, administrators included, ever knows it.
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow(),
        };
        user.SealedEmail = email is null ? null : addresses.Seal(user.Id, email);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRolesAsync(user, roles));
        return await InviteAsync(user, email, cancellationToken);
    }

    public async Task<InvitedStaffMember> ReinviteAsync(Guid userId, string? email, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        email = await ResetAddressAsync(user, email, cancellationToken);
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }

        // A fresh seed nobody has seen; the person is shown their own one when they accept.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        // Passkeys are a second factor too: a reset account keeps none, or one would still sign in with the new password.
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            Check(await users.RemovePasskeyAsync(user, passkey.CredentialId));
        }

        user.LastAuthenticatorStep = 0;
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        // A new security stamp ends the sign-in cookie and (through RejectInactiveUsers) every token.
        Check(await users.UpdateSecurityStampAsync(user));
        return await InviteAsync(user, email, cancellationToken);
    }

    /// <summary>
    /// Where a reset's link goes. With a mail server, only to the address the account was created
    /// with: an administrator who could name another address could send a colleague's link to
    /// themselves. An address is taken only for an account nobody has ever used (no password, no
    /// accepted invitation), made while mail was off.
    /// </summary>
    private async Task<string?> ResetAddressAsync(ApplicationUser user, string? email, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured)
        {
            return email;
        }

        if (addresses.Open(user.Id, user.SealedEmail) is { } kept)
        {
            return email is null || string.Equals(kept, email, StringComparison.OrdinalIgnoreCase)
                ? kept
                : throw Invalid("A new invitation goes to the address the account was created with: leave the address out.");
        }

        if (user.PasswordHash is not null || await invitations.HasBeenAcceptedAsync(user.Id, cancellationToken))
        {
            throw Invalid("This account has been used and has no address on file, so no administrator may name one: " +
                          "reset it from the server console with mail off, or ask its owner to be invited anew.");
        }

        user.SealedEmail = addresses.Seal(user.Id, email ?? throw Invalid("Give the person's e-mail address: invitations go out by e-mail."));
        return email;
    }

    private static FluentValidation.ValidationException Invalid(string message) =>
        new([new FluentValidation.Results.ValidationFailure("email", message)]);

    private async Task<InvitedStaffMember> InviteAsync(ApplicationUser user, string? email, CancellationToken cancellationToken)
    {
        var (token, expiresAt) = await invitations.IssueAsync(user.Id, caller.UserId, cancellationToken);
        var link = links.Build(token);
        if (email is null || !mailer.IsConfigured)
        {
            return new InvitedStaffMember(user.Id, user.UserName!, expiresAt, false, link);
        }

        try
        {
            await mailer.SendAsync(email, user.UserName!, link, expiresAt, cancellationToken);
        }
        catch (MimeKit.ParseException)
        {
            throw Invalid("This is not an e-mail address the mail server can take.");
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or TimeoutException
                                              or MailKit.ProtocolException or MailKit.CommandException or MailKit.Security.AuthenticationException
                                              or MailKit.Security.SslHandshakeException)
        {
            // The command fails as a whole: no account or invitation is kept whose link nobody received.
            throw new UnavailableException("The mail server did not accept the invitation; nothing was saved. Try again later.", exception);
        }

        return new InvitedStaffMember(user.Id, user.UserName!, expiresAt, true, null);
    }

    public Task<bool> HasAcceptedInvitationAsync(Guid userId, CancellationToken cancellationToken) =>
        invitations.HasBeenAcceptedAsync(userId, cancellationToken);

    public async Task<StaffMember?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : await ToStaffAsync(user);
    }

    public Task<IReadOnlyList<StaffMember>> ListUsersAsync(Guid organisationId, CancellationToken cancellationToken) =>
        ListAsync(u => u.OrganisationId == organisationId, cancellationToken);

    public Task<IReadOnlyList<StaffMember>> ListPlatformUsersAsync(CancellationToken cancellationToken) =>
        ListAsync(u => u.OrganisationId == null, cancellationToken);

    public async Task<IReadOnlyList<StaffMember>> ListFirstAdministratorsAsync(CancellationToken cancellationToken)
    {
        var unstarted = invitations.UnstartedOrganisations();
        var waiting = await ListAsync(u => u.OrganisationId != null && !u.IsDisabled && unstarted.Contains(u.OrganisationId.Value), cancellationToken);
        return [.. waiting.Where(member => member.Roles.Contains(Application.Common.Security.Roles.OrganisationAdmin))];
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
    }

    public async Task DisableUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(userId);
        user.IsDisabled = true;
        Check(await users.UpdateAsync(user));
        // A new security stamp ends the sign-in cookie as well as (through RejectInactiveUsers) every token.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task EnableUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        // The stamp is left alone: the disable rotated it, so tokens issued before it stay refused.
        var user = await RequireAsync(userId);
        user.IsDisabled = false;
        Check(await users.UpdateAsync(user));
    }

    public Task<bool> UserNameTakenAsync(string userName, CancellationToken cancellationToken) =>
        users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName), cancellationToken);

    public async Task<NewMachineClient> RegisterClientAsync(string displayName, IReadOnlyList<string> scopes, string? publicKeyPem, CancellationToken cancellationToken)
    {
        var clientId = MachineClientPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
            },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        string? thumbprint = null, secret = null;
        if (!string.IsNullOrEmpty(publicKeyPem))
        {
            // The validator has read the key already; this only fails if someone skipped it.
            var key = ClientPublicKeys.Read(publicKeyPem, out _) ?? throw new InvalidOperationException("The public key was not validated.");
            descriptor.JsonWebKeySet = new JsonWebKeySet { Keys = { key } };
            thumbprint = key.Kid;
        }
        else
        {
            // Only where configuration allows secrets (the use case checks): shown once, OpenIddict keeps a hash.
            secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            descriptor.ClientSecret = secret;
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return new NewMachineClient(clientId, scopes, thumbprint, secret);
    }

    public async Task<IReadOnlyList<MachineClient>> ListClientsAsync(CancellationToken cancellationToken)
    {
        var clients = new List<MachineClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            // The registered ones only: the host's own configured clients (the web sign-in, the CLI) are not the administrators' to list.
            if (await applications.GetClientIdAsync(application, cancellationToken) is not { } clientId || !clientId.StartsWith(MachineClientPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            var keys = await applications.GetJsonWebKeySetAsync(application, cancellationToken);
            clients.Add(new MachineClient(
                clientId,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
                [.. permissions.Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)],
                keys?.Keys.FirstOrDefault()?.Kid));
        }

        return [.. clients.OrderBy(c => c.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<bool> RevokeClientAsync(string clientId, CancellationToken cancellationToken)
    {
        // A registered client only: the host's own (the web sign-in, the CLI, the reference page) are not found here.
        if (!clientId.StartsWith(MachineClientPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }

        await applications.DeleteAsync(application, cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<StaffMember>> ListAsync(Expression<Func<ApplicationUser, bool>> filter, CancellationToken cancellationToken)
    {
        var members = await users.Users.AsNoTracking().Where(filter).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var result = new List<StaffMember>(members.Count);
        foreach (var member in members)
        {
            result.Add(await ToStaffAsync(member));
        }

        return result;
    }

    private async Task<StaffMember> ToStaffAsync(ApplicationUser user) =>
        new(user.Id, user.UserName!, user.OrganisationId, [.. await users.GetRolesAsync(user)], user.IsDisabled, user.TwoFactorEnabled, user.PasswordHash is null);

    private async Task<ApplicationUser> RequireAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("The user does not exist.");

    /// <summary>Turns Identity's refusals into the application's exceptions; shared by every identity write.</summary>
    internal static void Check(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            // A concurrent request took the name, or changed the account, first.
            throw new ConflictException("user.conflict", "That user name is taken, or the account was changed meanwhile; reload and try again.");
        }

        if (!result.Succeeded)
        {
            // Codes only: Identity's descriptions can repeat the user name.
            throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
