using System.Data.Common;
using System.Net.Sockets;

namespace CaseManagement.Application.Common.Exceptions;

/// <summary>
/// The database did not answer: it is down, restarting, unreachable or out of connections. That is an
/// outage to wait out (503 with Retry-After), not a fault in the request or in the code (500).
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception exception)
    {
        // EF Core and the providers wrap the cause (DbUpdateException, a retry strategy's InvalidOperationException).
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or TimeoutException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
