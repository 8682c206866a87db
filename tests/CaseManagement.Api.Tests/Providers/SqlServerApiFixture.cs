using System.Text;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Infrastructure.Persistence;
using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace CaseManagement.Api.Tests.Providers;

/// <summary>SQL Server in a container, where a Docker engine answers; otherwise every test skips, saying so.</summary>
public sealed class SqlServerApiFixture : ApiFixture
{
    private MsSqlContainer? _container;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    protected override string ConnectionString => _container!.GetConnectionString();

    protected override async Task<string?> PrepareDatabaseAsync()
    {
        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
            return null;
        }
        catch (DockerUnavailableException ex)
        {
            return $"no Docker engine answers ({ex.GetType().Name})";
        }
    }

    public override async Task<string> RawDatabaseContentsAsync()
    {
        await using var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new SqlCommand("SELECT name FROM sys.tables", connection))
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
            await using var dump = new SqlCommand($"SELECT (SELECT * FROM [{table}] FOR JSON PATH)", connection);
            builder.AppendLine(await dump.ExecuteScalarAsync() as string);
        }

        return builder.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
