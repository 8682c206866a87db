using System.Diagnostics;
using CaseManagement.Api.Tests.Infrastructure;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// The Api as an operator deploys it: <c>dotnet publish -c Release</c> into a directory of its own,
/// once for the tests that use it. CASEMGMT_PUBLISHED_API names an existing publish directory instead.
/// </summary>
public sealed class PublishedApi : IAsyncLifetime
{
    public const string Variable = "CASEMGMT_PUBLISHED_API";

    private string? _madeHere;

    public string Directory { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            Directory = given;
            return;
        }

        Directory = _madeHere = Path.Combine(Path.GetTempPath(), "casemgmt-published-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", "src/CaseManagement.Api/CaseManagement.Api.csproj", "-c", "Release", "-o", Directory, "--no-restore", "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings would steer the child build; it starts as an operator's shell would.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await output}{await error}");
        Assert.True(File.Exists(Path.Combine(Directory, "CaseManagement.Api")), "the publish directory holds no CaseManagement.Api executable");
    }

    public ValueTask DisposeAsync()
    {
        if (_madeHere is not null)
        {
            System.IO.Directory.Delete(_madeHere, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
