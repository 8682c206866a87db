using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>Applies the checked-in migrations of the configured provider, then creates the roles every deployment needs.</summary>
public sealed partial class DatabaseMigrator(ApplicationDbContext db, IdentitySeeder identity, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets key lookups read while a save is in progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await identity.SeedAsync();
        LogMigrated(logger, pending.Count, db.Database.ProviderName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} pending migrations on {Provider}")]
    private static partial void LogMigrated(ILogger logger, [NoDataClassification] int count, [NoDataClassification] string? provider);
}
