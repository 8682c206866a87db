using System.Security.Cryptography;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Organisations.Commands.CreateOrganisation;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Development only, on an empty database: two demo organisations with one user per role, platform
/// staff, the public client the API reference page signs in with, and a command-line (device flow) client. Unlike real
/// accounts, which start from invitations, demo accounts get a password generated here and printed once to the
/// console, never logged and never written anywhere else.
/// </summary>
internal static class DevelopmentSeeder
{
    public const string ReferenceClientId = "api-reference";
    public const string ReferencePath = "/scalar/v1";
    public const string CommandLineClientId = "case-management-cli";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null);
        var provider = scope.ServiceProvider;
        if (await provider.GetRequiredService<ApplicationDbContext>().Organisations.IgnoreQueryFilters().AnyAsync())
        {
            return;
        }

        var sender = provider.GetRequiredService<ISender>();
        var identity = provider.GetRequiredService<IIdentityAdministration>();
        var accounts = new List<(string Organisation, string Role, InvitedStaffMember Account)>();
        foreach (var (name, suffix) in new[] { ("Demo NGO North", "north"), ("Demo NGO South", "south") })
        {
            var created = await sender.Send(new CreateOrganisationCommand(name, $"admin.{suffix}"));
            accounts.Add((name, Roles.OrganisationAdmin, created.Admin));
            foreach (var role in new[] { Roles.SocialWorker, Roles.Lawyer, Roles.Coordinator })
            {
                accounts.Add((name, role, await identity.CreateUserAsync(created.Id, $"{role.ToLowerInvariant()}.{suffix}", [role], null, CancellationToken.None)));
            }
        }

        foreach (var role in Roles.PlatformRoles)
        {
            accounts.Add(("(platform)", role, await identity.CreateUserAsync(null, $"{role.ToLowerInvariant()}.platform", [role], null, CancellationToken.None)));
        }

        var applications = provider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(ClientDescriptors.Interactive(ReferenceClientId, "API reference page",
            ListeningUrls(configuration).Select(url => new Uri(url.TrimEnd('/') + ReferencePath))));
        await applications.CreateAsync(ClientDescriptors.CommandLine(CommandLineClientId, "Command-line client"));

        var users = provider.GetRequiredService<UserManager<ApplicationUser>>();
        var passwords = new List<string>();
        foreach (var (_, _, account) in accounts)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            passwords.Add(password);
            var added = await users.AddPasswordAsync((await users.FindByIdAsync(account.Id.ToString()))!, password);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("A demo password was refused: " + string.Join(", ", added.Errors.Select(e => e.Code)));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Development demo accounts (shown once; sign-in asks you to enrol an authenticator):");
        foreach (var ((organisation, role, account), password) in accounts.Zip(passwords))
        {
            Console.WriteLine($"  {account.UserName,-28} {role,-18} {organisation,-16} {password}");
        }

        Console.WriteLine();
    }

    private static IEnumerable<string> ListeningUrls(IConfiguration configuration) =>
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5214")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(u => u.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
}
