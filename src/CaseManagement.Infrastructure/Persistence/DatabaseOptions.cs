namespace CaseManagement.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "CaseManagement";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Development and the embedded default: migrations are applied at start. Elsewhere run <c>migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>The assembly holding this provider's migrations.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => $"CaseManagement.Migrations.{provider}";
}
