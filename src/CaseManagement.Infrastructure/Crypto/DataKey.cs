using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// One unwrapped organisation data key. Purpose-specific subkeys are derived with HKDF-SHA256, so
/// the field cipher and each blind index never share key material.
/// </summary>
public sealed class DataKey : IDisposable
{
    private readonly byte[] _root;
    private readonly ThreadLocal<AesGcm> _cipher;

    public DataKey(Guid organisationId, int version, byte[] root)
    {
        OrganisationId = organisationId;
        Version = version;
        _root = root;
        var fieldKey = Derive("field-encryption");
        // AesGcm instances are not safe to share between threads; one per thread keeps the hot path allocation-free.
        _cipher = new ThreadLocal<AesGcm>(() => new AesGcm(fieldKey, FieldEnvelope.TagSize), trackAllValues: true);
    }

    public Guid OrganisationId { get; }

    public int Version { get; }

    internal AesGcm Cipher => _cipher.Value!;

    internal byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _root, 32, salt: OrganisationId.ToByteArray(bigEndian: true),
            info: Encoding.UTF8.GetBytes("casemanagement/v1/" + purpose));

    public void Dispose()
    {
        foreach (var cipher in _cipher.Values)
        {
            cipher.Dispose();
        }

        _cipher.Dispose();
        CryptographicOperations.ZeroMemory(_root);
    }
}
