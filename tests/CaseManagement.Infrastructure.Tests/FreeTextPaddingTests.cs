using System.Security.Cryptography;
using System.Text;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Tests;

public sealed class FreeTextPaddingTests : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task Free_text_is_sealed_padded_so_notes_of_one_bucket_have_one_length()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "CaseNote", "Content", Guid.CreateVersion7());
        var lengths = new[] { 0, 1, 40, 252 }.Select(n => _keys.Encryptor.Encrypt(context, Encoding.UTF8.GetBytes(new string('t', n)), padded: true).Length).Distinct().ToList();
        Assert.Equal([FieldEnvelope.Overhead + 256], lengths);
        Assert.Equal(FieldEnvelope.Overhead + 1024, _keys.Encryptor.Encrypt(context, new byte[253], padded: true).Length);
        Assert.Equal([256, 1024, 4096, 16384, 65536, 131072], new[] { 10, 1000, 4000, 16000, 60000, 70000 }.Select(FreeTextPadding.BucketFor));

        foreach (var text in new[] { string.Empty, "Ședința de terapie: a vorbit despre familie.", new string('n', 5000) })
        {
            var stored = _keys.Encryptor.Encrypt(context, Encoding.UTF8.GetBytes(text), padded: true);
            Assert.Equal(FieldEnvelope.PaddedFormatVersion, stored[0]);
            Assert.Equal(text, Encoding.UTF8.GetString(_keys.Encryptor.Decrypt(context, stored)));
        }
    }

    [Fact]
    public async Task The_padding_format_is_authenticated_like_the_rest()
    {
        var org = await _keys.NewOrganisationAsync();
        var context = new FieldContext(org, "Case", "ClosureNote", Guid.CreateVersion7());
        var stored = _keys.Encryptor.Encrypt(context, "Closed after repatriation."u8, padded: true);
        var downgraded = (byte[])stored.Clone();
        downgraded[0] = FieldEnvelope.FormatVersion; // claim "not padded" to read the padding as text
        Assert.ThrowsAny<CryptographicException>(() => _keys.Encryptor.Decrypt(context, downgraded));
    }

    [Fact]
    public async Task A_value_is_never_sealed_for_an_empty_row_or_organisation_id()
    {
        var org = await _keys.NewOrganisationAsync();
        Assert.Throws<ArgumentException>(() => _keys.Encryptor.Encrypt(new FieldContext(org, "Beneficiary", "FullName", Guid.Empty), "Ana"u8));
        var stored = _keys.Encryptor.Encrypt(new FieldContext(org, "Beneficiary", "FullName", Guid.CreateVersion7()), "Ana"u8);
        Assert.Throws<ArgumentException>(() => _keys.Encryptor.Decrypt(new FieldContext(org, "Beneficiary", "FullName", Guid.Empty), stored));
    }

    public void Dispose() => _keys.Dispose();
}
