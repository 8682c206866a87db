using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// The sign-in cookie's sessions, in the database (shared by every replica): the cookie carries a
/// key, the ticket stays here. Signing out removes the row, so the cookie is dead everywhere, a
/// copied one included. Expired rows are deleted as new sessions start.
/// </summary>
internal sealed class WebSessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("CaseManagement.WebSessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Set<WebSession>().Where(s => s.ExpiresAt < clock.GetUtcNow().ToUnixTimeSeconds()).ExecuteDeleteAsync();
        var session = new WebSession { Id = Guid.NewGuid(), UserId = UserOf(ticket), Ticket = Seal(ticket), ExpiresAt = ExpiresAt(ticket) };
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id.ToString("N");
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var sealedTicket = Seal(ticket);
        var expiresAt = ExpiresAt(ticket);
        // Only an existing row: a session removed by a sign-out in between stays removed.
        await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<WebSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, sealedTicket).SetProperty(x => x.ExpiresAt, expiresAt));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var session = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<WebSession>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id);
        if (session is null || session.ExpiresAt < clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // sealed under a key that is gone: no session
        }
    }

    public async Task RemoveAsync(string key)
    {
        if (Guid.TryParseExact(key, "N", out var id))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<WebSession>().Where(s => s.Id == id).ExecuteDeleteAsync();
        }
    }

    private byte[] Seal(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private long ExpiresAt(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddDays(1)).ToUnixTimeSeconds();

    private static Guid UserOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("A sign-in cookie names its user.");
}
