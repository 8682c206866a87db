using System.Text;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using Npgsql;

namespace CaseManagement.Api.Tests.Providers;

/// <summary>
/// A real PostgreSQL: runs when CASEMGMT_TEST_POSTGRES holds a connection string (CI starts a
/// throwaway cluster). Each fixture gets a database of its own, dropped afterwards.
/// </summary>
public class PostgresApiFixture : ApiFixture
{
    public const string Variable = "CASEMGMT_TEST_POSTGRES";

    private readonly string _database = "casemgmt_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _admin;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;

    protected override async Task<string?> PrepareDatabaseAsync()
    {
        _admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_admin))
        {
            return $"{Variable} is not set (CI sets it; see .ci/run)";
        }

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        return null;
    }

    /// <summary>An outage of this fixture's database alone: its sessions are ended and no new one is let in, until allowed again.</summary>
    public async Task AllowConnectionsAsync(bool allowed)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{_database}\" WITH ALLOW_CONNECTIONS {allowed}", connection);
        await alter.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("database", allowed ? "" : _database);
        await terminate.ExecuteScalarAsync();
    }

    /// <summary>Every row of every table as PostgreSQL renders it (bytea as hex), as a stolen dump would show it.</summary>
    public override async Task<string> RawDatabaseContentsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var builder = new StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                builder.AppendLine(reader.GetString(0));
            }
        }

        return builder.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
