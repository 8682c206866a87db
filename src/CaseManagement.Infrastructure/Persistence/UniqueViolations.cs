using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>Recognises, on each provider, the error of an insert that lost a race for a unique key.</summary>
internal static class UniqueViolations
{
    public static bool IsUniqueViolation(Exception exception) => (exception as DbUpdateException)?.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
