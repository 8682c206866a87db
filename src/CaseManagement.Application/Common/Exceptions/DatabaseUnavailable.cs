using System.Data.Common;
using System.Net.Sockets;

namespace CaseManagement.Application.Common.Exceptions;

/// <summary>
/// The database did not answer: it is down, restarting, unreachable or out of connections. That is an
/// outage to wait out (503 with Retry-After), not a fault in the request or in the code (500). Contention
/// (a deadlock, a serialization failure, a lock timeout) is not an outage: it stays a 500, logged with
/// its stack, so that a lock-ordering bug shows.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        // EF Core and the providers wrap the cause (DbUpdateException, a retry strategy's InvalidOperationException).
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database)
            {
                return database.SqlState is { Length: 5 } state
                    ? IsOutage(state)
                    // No SQLSTATE: the server was never reached (a socket error, a timeout, an exhausted pool).
                    : database.IsTransient || HasCause<SocketException>(database) || HasCause<TimeoutException>(database) || HasCause<IOException>(database);
            }
        }

        return false;
    }

    /// <summary>
    /// Class 08 (connection exception), 53 (insufficient resources), 57P01-03 (shutdown, cannot connect now), and
    /// 55000 as PostgreSQL answers a connection to a database that accepts none (maintenance).
    /// </summary>
    private static bool IsOutage(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "55000";

    private static bool HasCause<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return true;
            }
        }

        return false;
    }
}
