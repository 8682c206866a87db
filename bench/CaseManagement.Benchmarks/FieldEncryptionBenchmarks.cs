using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CaseManagement.Benchmarks;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.Extensions.Options;

/// <summary>
/// A 64-byte field through the encryption service against a bare AesGcm call doing the same work
/// (fresh random nonce, new output buffers), and one blind index. Goal: service ≤ 2× bare.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FieldEncryptionBenchmarks
{
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(64);
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _decryptNonce = RandomNumberGenerator.GetBytes(12);
    private AesGcm _bare = null!;
    private byte[] _bareCiphertext = null!;
    private byte[] _bareTag = null!;
    private KeyRing _keys = null!;
    private FieldEncryptor _encryptor = null!;
    private BlindIndexer _indexer = null!;
    private FieldContext _context;
    private byte[] _stored = null!;
    private Guid _organisation;

    [GlobalSetup]
    public void Setup()
    {
        _bare = new AesGcm(RandomNumberGenerator.GetBytes(32), FieldEnvelope.TagSize);
        _bareTag = new byte[FieldEnvelope.TagSize];
        _bareCiphertext = new byte[_plaintext.Length];
        _bare.Encrypt(_decryptNonce, _plaintext, _bareCiphertext, _bareTag);

        var options = Options.Create(new EncryptionOptions());
        var store = new MemoryKeyStore();
        _keys = new KeyRing(new ConfiguredMasterKeyProvider(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), store, options, TimeProvider.System);
        _organisation = Guid.CreateVersion7();
        store.AddAsync(_keys.CreateKey(_organisation, 1), CancellationToken.None).GetAwaiter().GetResult();
        _encryptor = new FieldEncryptor(_keys);
        _indexer = new BlindIndexer(_keys, options);
        _context = new FieldContext(_organisation, "Beneficiary", "FullName", Guid.CreateVersion7());
        _stored = _encryptor.Encrypt(_context, _plaintext);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _keys.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Encrypt")]
    public byte[] BareAesGcmEncrypt()
    {
        var ciphertext = new byte[_plaintext.Length];
        var tag = new byte[FieldEnvelope.TagSize];
        RandomNumberGenerator.Fill(_nonce);
        _bare.Encrypt(_nonce, _plaintext, ciphertext, tag);
        return ciphertext;
    }

    [Benchmark, BenchmarkCategory("Encrypt")]
    public byte[] ServiceEncrypt() => _encryptor.Encrypt(_context, _plaintext);

    [Benchmark(Baseline = true), BenchmarkCategory("Decrypt")]
    public byte[] BareAesGcmDecrypt()
    {
        var plaintext = new byte[_bareCiphertext.Length];
        _bare.Decrypt(_decryptNonce, _bareCiphertext, _bareTag, plaintext);
        return plaintext;
    }

    [Benchmark, BenchmarkCategory("Decrypt")]
    public byte[] ServiceDecrypt() => _encryptor.Decrypt(_context, _stored);

    [Benchmark(Baseline = true), BenchmarkCategory("Index")]
    public int BlindIndex() => _indexer.Compute(_organisation, "Beneficiary", "NationalId", "2900101123456");
}
