using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Tests;

public sealed class FieldEncryptionTests : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task A_value_round_trips_and_the_stored_form_has_the_documented_layout()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Beneficiary", "FullName", Guid.CreateVersion7());
        var plaintext = "Ioana Popescu"u8.ToArray();

        var stored = _keys.Encryptor.Encrypt(context, plaintext);

        Assert.Equal(FieldEnvelope.Overhead + plaintext.Length, stored.Length);
        Assert.Equal(FieldEnvelope.FormatVersion, stored[0]);
        Assert.Equal(1, FieldEnvelope.ReadKeyVersion(stored));
        Assert.Equal(plaintext, _keys.Encryptor.Decrypt(context, stored));
        Assert.DoesNotContain("Ioana", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_empty_value_round_trips()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "CaseNote", "Content", Guid.CreateVersion7());
        Assert.Empty(_keys.Encryptor.Decrypt(context, _keys.Encryptor.Encrypt(context, [])));
    }

    [Fact]
    public async Task Every_single_bit_flip_of_a_stored_value_is_rejected()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Beneficiary", "NationalId", Guid.CreateVersion7());
        var stored = _keys.Encryptor.Encrypt(context, "2900101123456"u8);

        var accepted = 0;
        for (var bit = 0; bit < stored.Length * 8; bit++)
        {
            var tampered = (byte[])stored.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            try
            {
                _keys.Encryptor.Decrypt(context, tampered);
                accepted++;
            }
            catch (CryptographicException)
            {
            }
        }

        Assert.Equal(0, accepted);
    }

    [Fact]
    public async Task A_truncated_or_foreign_format_value_is_rejected()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Beneficiary", "Phone", Guid.CreateVersion7());
        var stored = _keys.Encryptor.Encrypt(context, "+40 712 345 678"u8);

        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, stored[..^1]));
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, stored[..(FieldEnvelope.Overhead - 1)]));
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, [.. stored, 0]));
    }

    [Fact]
    public async Task Values_swapped_between_rows_columns_entities_or_organisations_are_rejected()
    {
        var org = await _keys.NewOrganisationAsync();
        var other = await _keys.NewOrganisationAsync();
        var row = Guid.CreateVersion7();
        var context = new FieldContext(org, "Beneficiary", "FullName", row);
        var stored = _keys.Encryptor.Encrypt(context, "Maria Ionescu"u8);

        FieldContext[] elsewhere =
        [
            context with { RowId = Guid.CreateVersion7() },
            context with { Column = "Address" },
            context with { Entity = "CaseNote" },
            context with { OrganisationId = other },
        ];
        foreach (var place in elsewhere)
        {
            Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(place, stored));
        }

        // Name boundaries are length-prefixed: moving a character between entity and column changes the context.
        var shifted = new FieldContext(org, "BeneficiaryF", "ullName", row);
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(shifted, stored));
    }

    [Fact]
    public async Task No_nonce_repeats_over_100_000_encryptions()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Beneficiary", "FullName", Guid.CreateVersion7());
        var nonces = new HashSet<UInt128>();
        var plaintext = "same value every time"u8.ToArray();
        Span<byte> padded = stackalloc byte[16];
        for (var i = 0; i < 100_000; i++)
        {
            var stored = _keys.Encryptor.Encrypt(context, plaintext);
            var nonce = stored.AsSpan(FieldEnvelope.HeaderSize, FieldEnvelope.NonceSize);
            nonce.CopyTo(padded);
            Assert.True(nonces.Add(new UInt128(BitConverter.ToUInt64(padded), BitConverter.ToUInt64(padded[8..]))), $"nonce repeated at {i}");
        }

        Assert.Equal(100_000, nonces.Count);
    }

    [Fact]
    public async Task Rotation_seals_new_values_with_the_new_key_and_old_values_stay_readable()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Beneficiary", "Address", Guid.CreateVersion7());
        var before = _keys.Encryptor.Encrypt(context, "Str. Lunga 1, Brasov"u8);

        var version = await _keys.Ring.RotateAsync(org, CancellationToken.None);
        var after = _keys.Encryptor.Encrypt(context, "Str. Lunga 1, Brasov"u8);

        Assert.Equal(2, version);
        Assert.Equal(1, FieldEnvelope.ReadKeyVersion(before));
        Assert.Equal(2, FieldEnvelope.ReadKeyVersion(after));
        Assert.Equal(_keys.Encryptor.Decrypt(context, before), _keys.Encryptor.Decrypt(context, after));
    }

    [Fact]
    public async Task A_value_claiming_another_key_version_is_rejected()
    {
        var org = await _keys.NewOrganisationAsync();
        await _keys.Ring.RotateAsync(org, CancellationToken.None);
        var context = new FieldContext(org, "Beneficiary", "Notes", Guid.CreateVersion7());
        var stored = _keys.Encryptor.Encrypt(context, "notes"u8);
        stored[4] = 1; // header now names key version 1: the header is authenticated, and the key differs.
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, stored));
        stored[4] = 9; // a version that does not exist
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, stored));
    }

    [Fact]
    public async Task Data_keys_do_not_open_under_another_master_key()
    {
        var org = await _keys.NewOrganisationAsync();
        using var other = new KeyRing(
            new ConfiguredMasterKeyProvider(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), _keys.Store,
            Microsoft.Extensions.Options.Options.Create(new EncryptionOptions()), TimeProvider.System);
        Assert.ThrowsAny<CryptographicException>(() => other.Active(org));
        // And the start-up check names it before any read: a restore with the wrong escrowed key does not serve.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => other.EnsureMasterKeyMatchesAsync(CancellationToken.None));
        Assert.Contains("master key", refused.Message, StringComparison.Ordinal);
        await _keys.Ring.EnsureMasterKeyMatchesAsync(CancellationToken.None);
        // A replica that could not check at start is never ready with the wrong key.
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await new MasterKeyHealthCheck(other).CheckHealthAsync(context)).Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await new MasterKeyHealthCheck(_keys.Ring).CheckHealthAsync(context)).Status);
    }

    [Fact]
    public void An_organisation_without_a_provisioned_key_cannot_encrypt()
    {
        var context = new FieldContext(Guid.CreateVersion7(), "Beneficiary", "FullName", Guid.CreateVersion7());
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Encrypt(context, "x"u8));
    }

    public void Dispose() => _keys.Dispose();
}
