using System.Security.Cryptography;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>The key-encryption key that wraps every organisation's data keys. It never enters the database.</summary>
public interface IMasterKeyProvider
{
    /// <summary>Exactly 32 bytes.</summary>
    ReadOnlySpan<byte> MasterKey { get; }
}

public static class MasterKeyDerivation
{
    /// <summary>A key for one purpose (the audit chain, the Data Protection key ring), derived with HKDF-SHA256 so the master key itself is used for nothing else.</summary>
    public static byte[] DeriveKey(this IMasterKeyProvider provider, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, provider.MasterKey.ToArray(), 32, salt: null,
            info: System.Text.Encoding.ASCII.GetBytes("casemanagement/v1/" + purpose));
}

/// <summary>The master key from configuration (environment variable or secret store).</summary>
public sealed class ConfiguredMasterKeyProvider : IMasterKeyProvider
{
    private readonly byte[] _key;

    public ConfiguredMasterKeyProvider(string base64Key)
    {
        _key = Decode(base64Key)
            ?? throw new InvalidOperationException($"{EncryptionOptions.Section}:MasterKey must be 32 random bytes in base64 (openssl rand -base64 32).");
    }

    public ReadOnlySpan<byte> MasterKey => _key;

    internal static byte[]? Decode(string base64)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}

/// <summary>
/// Development only: a master key generated at first start into a file readable by its owner
/// alone (mode 0600), outside the database and outside the repository (data/ is git-ignored).
/// </summary>
public sealed class DevelopmentKeyFileProvider : IMasterKeyProvider
{
    private readonly byte[] _key;

    public DevelopmentKeyFileProvider(string path)
    {
        Path = path;
        _key = File.Exists(path) ? Read(path) : Create(path);
    }

    public string Path { get; }

    public ReadOnlySpan<byte> MasterKey => _key;

    private static byte[] Read(string path) =>
        ConfiguredMasterKeyProvider.Decode(File.ReadAllText(path))
        ?? throw new InvalidOperationException($"The development key file {path} is not a base64 32-byte key.");

    private static byte[] Create(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        return key;
    }
}

/// <summary>
/// Resolves the configured provider on first use, so that work that never touches personal data
/// (applying migrations) needs no key, while the server still fails fast by reading it at start.
/// </summary>
internal sealed class DeferredMasterKeyProvider(Func<IMasterKeyProvider> create) : IMasterKeyProvider
{
    private readonly Lazy<IMasterKeyProvider> _provider = new(create);

    public ReadOnlySpan<byte> MasterKey => _provider.Value.MasterKey;
}
