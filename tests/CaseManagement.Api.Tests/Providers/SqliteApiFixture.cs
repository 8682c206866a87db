using System.Text;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CaseManagement.Api.Tests.Providers;

/// <summary>The embedded default: a SQLite file in a temporary folder. Always available.</summary>
public class SqliteApiFixture : ApiFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casemgmt-tests-" + Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(_directory, "casemanagement.db")}";

    protected override Task<string?> PrepareDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<string?>(null);
    }

    /// <summary>The database file's bytes (and its write-ahead log's), as a social-engineer with a stolen backup would read them.</summary>
    public override async Task<string> RawDatabaseContentsAsync()
    {
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var builder = new StringBuilder();
        // The log first, the database last: a log that vanishes meanwhile (its last connection closed) was checkpointed into it.
        foreach (var file in Directory.GetFiles(_directory).OrderByDescending(f => f.Length))
        {
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                builder.Append(await reader.ReadToEndAsync());
            }
            catch (FileNotFoundException)
            {
            }
        }

        return builder.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
