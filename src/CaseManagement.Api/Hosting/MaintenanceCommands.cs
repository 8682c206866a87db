using System.Globalization;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Verbs of the Api executable for operators: <c>migrate</c>, <c>bootstrap [ADMIN_USER_NAME [EMAIL]]</c>, <c>bootstrap reissue [EMAIL]</c>, <c>bootstrap reset PLATFORM_ADMIN [EMAIL]</c>, <c>rotate-key ORGANISATION_ID</c>,
/// <c>reencrypt [BATCH_SIZE]</c>, <c>reindex [BATCH_SIZE]</c>, <c>verify-audit ORGANISATION_ID [HEAD_SEQUENCE HEAD_HASH]</c>.
/// Production applies migrations only through <c>migrate</c>.
/// </summary>
internal static class MaintenanceCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var at = Array.FindIndex(args, a => a is "migrate" or "bootstrap" or "rotate-key" or "reencrypt" or "reindex" or "verify-audit");
        if (at < 0)
        {
            return false;
        }

        var verb = args[at];
        var operands = args[(at + 1)..].Where(a => !a.StartsWith('-')).ToArray();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var stopping = app.Lifetime.ApplicationStopping;
        if (verb != "migrate")
        {
            // Before anything wraps a new key or writes an audit entry under a master key this database does not know.
            await services.GetRequiredService<KeyRing>().EnsureMasterKeyMatchesAsync(stopping);
        }

        switch (verb)
        {
            case "migrate":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping);
                break;
            case "bootstrap" when operands is ["reissue", ..] && operands.Length <= 2:
                await Bootstrap.RunAsync(app.Services, Bootstrap.DefaultAdminUserName, operands.ElementAtOrDefault(1), reissue: true, stopping);
                break;
            case "bootstrap" when operands is ["reset", _, ..] && operands.Length <= 3:
                await Bootstrap.ResetAdministratorAsync(app.Services, operands[1], operands.ElementAtOrDefault(2), stopping);
                break;
            case "bootstrap" when operands.Length <= 2 && operands.FirstOrDefault() is not ("reset" or "reissue"):
                await Bootstrap.RunAsync(app.Services, operands.ElementAtOrDefault(0) ?? Bootstrap.DefaultAdminUserName, operands.ElementAtOrDefault(1), reissue: false, stopping);
                break;
            case "rotate-key" when operands.Length == 1 && Guid.TryParse(operands[0], out var organisation):
                var version = await services.GetRequiredService<KeyRing>().RotateAsync(organisation, stopping);
                Console.WriteLine($"Organisation {organisation} now writes with data key version {version}. Run `reencrypt` next.");
                break;
            case "reencrypt":
                var batch = operands.Length == 1 && int.TryParse(operands[0], out var size) ? size : ReEncryptionService.DefaultBatchSize;
                var rows = await services.GetRequiredService<ReEncryptionService>().RunAsync(batch, stopping);
                Console.WriteLine($"Re-encrypted {rows} rows under the newest keys.");
                break;
            case "reindex" when operands.Length == 0 || (operands.Length == 1 && int.TryParse(operands[0], out _)):
                var reindexBatch = operands.Length == 1 ? int.Parse(operands[0], CultureInfo.InvariantCulture) : ReIndexService.DefaultBatchSize;
                var indexer = services.GetRequiredService<BlindIndexer>();
                Console.WriteLine("Blind index bits: " + string.Join(", ", indexer.Bits.OrderBy(b => b.Key).Select(b => $"{b.Key.Entity}.{b.Key.Column} {b.Value}")));
                var reindexed = await services.GetRequiredService<ReIndexService>().RunAsync(reindexBatch, cancellationToken: stopping);
                Console.WriteLine($"Re-indexed {reindexed.Read} rows; {reindexed.Changed} had indexes from other settings and were rewritten.");
                break;
            case "verify-audit" when operands.Length is 1 or 3 && Guid.TryParse(operands[0], out var chain):
                var report = await services.GetRequiredService<IAuditChainVerifier>().VerifyAsync(
                    chain, operands.Length == 3 ? long.Parse(operands[1], CultureInfo.InvariantCulture) : null, operands.Length == 3 ? operands[2] : null, stopping);
                Console.WriteLine(report.Intact
                    ? $"Intact: {report.EntriesChecked} entries. Head: {report.HeadSequence} {report.HeadHash}"
                    : $"BROKEN at entry {report.FirstBrokenSequence}: {report.Reason}");
                Environment.ExitCode = report.Intact ? 0 : 1;
                break;
            default:
                await Console.Error.WriteLineAsync("Usage: CaseManagement.Api [migrate | bootstrap [ADMIN_USER_NAME [EMAIL]] | bootstrap reissue [EMAIL] | bootstrap reset PLATFORM_ADMIN [EMAIL] | rotate-key ORGANISATION_ID | reencrypt [BATCH_SIZE] | reindex [BATCH_SIZE] | verify-audit ORGANISATION_ID [HEAD_SEQUENCE HEAD_HASH]]");
                Environment.ExitCode = 2;
                break;
        }

        return true;
    }
}
