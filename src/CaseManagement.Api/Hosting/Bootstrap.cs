using System.Globalization;
using CaseManagement.Application.Administration.Commands.CreatePlatformUser;
using CaseManagement.Application.Administration.Commands.ReinvitePlatformUser;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// The <c>bootstrap</c> verb, run once after <c>migrate</c> on a new deployment: registers the
/// configured sign-in clients and invites the first platform administrator. Run again, it updates
/// the clients and prints no live link a second time: while the invitation is open it says so, and
/// only once it has expired (or with <c>reissue</c>) it sends a new one. Once a platform administrator
/// can sign in it refuses to create another.
/// </summary>
internal static class Bootstrap
{
    public const string DefaultAdminUserName = "platform.admin";

    public static async Task RunAsync(IServiceProvider services, string adminUserName, string? email, bool reissue, CancellationToken cancellationToken)
    {
        // The verb has no user: it acts as the system, audited as such.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<IdentitySeeder>().SeedAsync();
        foreach (var line in await provider.GetRequiredService<SignInClientRegistry>().SynchroniseAsync(cancellationToken))
        {
            Console.WriteLine(line);
        }

        var admins = (await provider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.PlatformAdmin))
            .Where(a => !a.IsDisabled).ToList();
        // One who can sign in (password and authenticator) ends bootstrap's part. One who cannot (still
        // invited, or made before invitations with a password others may know) gets a new invitation.
        if (admins.Any(a => a.PasswordHash is not null && a.TwoFactorEnabled))
        {
            Console.WriteLine("Refused: a platform administrator already has an account, so no other is created here. " +
                              "Platform administrators invite further staff through the API.");
            return;
        }

        if (!reissue && admins.FirstOrDefault() is { } invitee
            && await provider.GetRequiredService<StaffInvitations>().OpenUntilAsync(invitee.Id, cancellationToken) is { } until)
        {
            // A rerun (every deployment may run bootstrap) must not put a second live link into its logs.
            Console.WriteLine($"Platform administrator {invitee.UserName} is invited; the link sent before works until " +
                              $"{until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. To replace it now, run `bootstrap reissue`.");
            return;
        }

        await InviteAsync(provider, admins.FirstOrDefault() is { } pending
            ? new ReinvitePlatformUserCommand(pending.Id, email)
            : new CreatePlatformUserCommand(adminUserName, [Roles.PlatformAdmin], email), cancellationToken);
    }

    /// <summary>
    /// Break-glass, from the server's console (whose operator holds the database and the master key
    /// already): a new invitation for a platform administrator who lost both authenticator and
    /// recovery codes when no other can reset them. Audited under the system identity.
    /// </summary>
    public static async Task ResetAdministratorAsync(IServiceProvider services, string userName, string? email, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is not { } admin || !await users.IsInRoleAsync(admin, Roles.PlatformAdmin))
        {
            await Console.Error.WriteLineAsync($"No platform administrator is named {userName}.");
            Environment.ExitCode = 2;
            return;
        }

        await InviteAsync(provider, new ReinvitePlatformUserCommand(admin.Id, email), cancellationToken);
    }

    private static async Task InviteAsync(IServiceProvider provider, ICommand<InvitedStaffMember> command, CancellationToken cancellationToken)
    {
        try
        {
            Report(await provider.GetRequiredService<ISender>().Send(command, cancellationToken), provider.GetRequiredService<InvitationLinks>().IsAbsolute);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            Environment.ExitCode = 2;
        }
        catch (ConflictException conflict)
        {
            // Another run at the same moment, or a disabled account holding the name.
            await Console.Error.WriteLineAsync(conflict.Message);
            Environment.ExitCode = 2;
        }
    }

    private static void Report(InvitedStaffMember invited, bool absoluteLink)
    {
        var until = invited.InvitationExpiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (invited.InvitationEmailed)
        {
            Console.WriteLine($"Invited platform administrator {invited.UserName} by e-mail; the link works once, until {until} UTC.");
            return;
        }

        Console.WriteLine($"Platform administrator {invited.UserName}: open this link to choose a password and enrol an authenticator.");
        Console.WriteLine($"It works once, until {until} UTC. Give it to that person only.");
        Console.WriteLine(invited.InvitationLink);
        if (!absoluteLink)
        {
            Console.WriteLine("(Put this server's public address in front of it, or set Identity:Issuer or Invitations:BaseUrl to print it whole.)");
        }
    }
}
