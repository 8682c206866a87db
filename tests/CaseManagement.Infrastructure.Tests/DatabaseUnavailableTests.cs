using System.Net.Sockets;
using System.Text.RegularExpressions;
using CaseManagement.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.Infrastructure.Tests;

/// <summary>An outage is a 503 to wait out; contention and anything that is not the database stay 500s with their stack.</summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01", true)] // admin shutdown
    [InlineData("57P03", true)] // cannot connect now (starting up)
    [InlineData("08006", true)] // connection failure
    [InlineData("53300", true)] // too many connections
    [InlineData("55000", true)] // the database accepts no connections
    [InlineData("40P01", false)] // deadlock: a bug to see
    [InlineData("40001", false)] // serialization failure
    [InlineData("55P03", false)] // lock not available
    [InlineData("23505", false)] // unique violation
    public void A_server_error_is_an_outage_only_by_its_sqlstate(string state, bool outage)
    {
        var error = new PostgresException("message", "FATAL", "FATAL", state);
        Assert.Equal(outage, DatabaseUnavailable.Is(error));
        Assert.Equal(outage, DatabaseUnavailable.Is(new DbUpdateException("wrapped", error)));
    }

    [Fact]
    public void A_server_never_reached_is_an_outage_and_a_timeout_elsewhere_is_not()
    {
        Assert.True(DatabaseUnavailable.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException("retry", new NpgsqlException("pool", new TimeoutException()))));
        Assert.False(DatabaseUnavailable.Is(new TimeoutException()));
        Assert.False(DatabaseUnavailable.Is(new RegexMatchTimeoutException("input", "pattern", TimeSpan.FromSeconds(1))));
        Assert.False(DatabaseUnavailable.Is(new IOException("smtp", new SocketException((int)SocketError.ConnectionReset))));
    }
}
