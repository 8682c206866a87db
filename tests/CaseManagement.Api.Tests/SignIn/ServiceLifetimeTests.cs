using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>Development validates service lifetimes at start; the test host does not unless asked, so this asks.</summary>
public sealed class ServiceLifetimeTests
{
    [Fact]
    public async Task The_host_starts_with_the_service_validation_development_uses()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:CaseManagement", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))}.db");
            host.UseSetting("Database:MigrateOnStartup", "true");
            host.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            host.UseDefaultServiceProvider(o =>
            {
                o.ValidateScopes = true;
                o.ValidateOnBuild = true;
            });
        });

        // A singleton holding a scoped service (here once Identity's password hasher) fails right here.
        _ = factory.Server;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/account/login")).StatusCode);
    }
}
