using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Reads and writes wrapped data keys through a context of its own (its own connection), so a
/// key lookup can happen while another query's reader is still open, and a new key is committed
/// whatever happens to the command that needed it.
/// </summary>
internal sealed class EfDataKeyStore(IServiceScopeFactory scopes) : IDataKeyStore
{
    public IReadOnlyList<OrganisationKey> Load(Guid organisationId)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return db.OrganisationKeys.AsNoTracking().Where(k => k.OrganisationId == organisationId).ToList();
    }

    public async Task AddAsync(OrganisationKey key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.OrganisationKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> MasterKeyIdsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OrganisationKeys.Select(k => k.MasterKeyId).Distinct().ToListAsync(cancellationToken);
    }
}
