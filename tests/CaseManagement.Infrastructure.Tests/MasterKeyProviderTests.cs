using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Tests;

public sealed class MasterKeyProviderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "casemgmt-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_development_key_file_is_created_once_readable_by_its_owner_only_and_reused()
    {
        var path = Path.Combine(_directory, "keys", "master.key");
        var first = new DevelopmentKeyFileProvider(path);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var second = new DevelopmentKeyFileProvider(path);
        Assert.Equal(32, first.MasterKey.Length);
        Assert.True(first.MasterKey.SequenceEqual(second.MasterKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_configured_key_must_be_32_bytes_of_base64(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ConfiguredMasterKeyProvider(configured));
        Assert.Contains("32 random bytes", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
