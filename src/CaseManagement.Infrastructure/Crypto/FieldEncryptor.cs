using System.Security.Cryptography;
using CaseManagement.Infrastructure.Telemetry;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>Seals and opens field values with the right organisation key.</summary>
public sealed class FieldEncryptor(KeyRing keys)
{
    /// <summary>The decrypt-failure metric's kind for a field value that does not open.</summary>
    private const string Kind = "field";

    /// <summary>Seals with the organisation's newest key.</summary>
    public byte[] Encrypt(in FieldContext context, ReadOnlySpan<byte> plaintext, bool padded = false) =>
        Encrypt(keys.Active(context.OrganisationId), context, plaintext, padded);

    /// <summary>Seals with a given key, so that all fields of one row share one key version.</summary>
    public static byte[] Encrypt(DataKey key, in FieldContext context, ReadOnlySpan<byte> plaintext, bool padded = false)
    {
        if (key.OrganisationId != context.OrganisationId)
        {
            throw new ArgumentException("The key belongs to another organisation.", nameof(key));
        }

        return FieldEnvelope.Seal(key.Cipher, key.Version, context, plaintext, padded);
    }

    public byte[] Decrypt(in FieldContext context, ReadOnlySpan<byte> stored)
    {
        // The key ring counts a missing or unwrappable key itself; here only the value is counted.
        var key = keys.Get(context.OrganisationId, ReadKeyVersion(stored));
        try
        {
            return FieldEnvelope.Open(key.Cipher, context, stored);
        }
        catch (CryptographicException)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            throw;
        }
    }

    private static int ReadKeyVersion(ReadOnlySpan<byte> stored)
    {
        try
        {
            return FieldEnvelope.ReadKeyVersion(stored);
        }
        catch (CryptographicException)
        {
            InfrastructureMetrics.DecryptFailed(Kind);
            throw;
        }
    }
}
