using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Api.Hosting;

/// <summary>
/// Verbs of the Api executable for operators: <c>migrate</c>, <c>rotate-key ORGANISATION_ID</c>,
/// <c>reencrypt [BATCH_SIZE]</c>. Production applies migrations only through <c>migrate</c>.
/// </summary>
internal static class MaintenanceCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var at = Array.FindIndex(args, a => a is "migrate" or "rotate-key" or "reencrypt");
        if (at < 0)
        {
            return false;
        }

        var verb = args[at];
        var operands = args[(at + 1)..].Where(a => !a.StartsWith('-')).ToArray();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var stopping = app.Lifetime.ApplicationStopping;
        switch (verb)
        {
            case "migrate":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stopping);
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
            default:
                await Console.Error.WriteLineAsync("Usage: CaseManagement.Api [migrate | rotate-key ORGANISATION_ID | reencrypt [BATCH_SIZE]]");
                Environment.ExitCode = 2;
                break;
        }

        return true;
    }
}
