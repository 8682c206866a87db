namespace CaseManagement.Infrastructure.Tests;

public sealed class BlindIndexTests : IDisposable
{
    private readonly TestKeys _keys = new(blindIndexBits: 8);

    [Fact]
    public async Task Equal_values_give_equal_indexes_within_an_organisation_and_column()
    {
        var org = await _keys.NewOrganisationAsync();
        Assert.Equal(
            _keys.Indexer.Compute(org, "Beneficiary", "NationalId", "2900101123456"),
            _keys.Indexer.Compute(org, "Beneficiary", "NationalId", "2900101123456"));
    }

    [Fact]
    public async Task Indexes_stay_within_the_configured_bits_and_spread_over_them()
    {
        var org = await _keys.NewOrganisationAsync();
        var seen = new HashSet<int>();
        for (var i = 0; i < 5_000; i++)
        {
            var index = _keys.Indexer.Compute(org, "Beneficiary", "FullName", $"person {i}");
            Assert.InRange(index, 0, 255);
            seen.Add(index);
        }

        // 5,000 values over 256 buckets: every bucket is hit, so each index value is shared (false positives exist).
        Assert.Equal(256, seen.Count);
    }

    [Fact]
    public async Task The_same_value_indexes_differently_in_another_organisation_or_column()
    {
        var org = await _keys.NewOrganisationAsync();
        var other = await _keys.NewOrganisationAsync();
        var differentOrg = 0;
        var differentColumn = 0;
        for (var i = 0; i < 200; i++)
        {
            var value = $"value {i}";
            var here = _keys.Indexer.Compute(org, "Beneficiary", "FullName", value);
            differentOrg += here != _keys.Indexer.Compute(other, "Beneficiary", "FullName", value) ? 1 : 0;
            differentColumn += here != _keys.Indexer.Compute(org, "Beneficiary", "NationalId", value) ? 1 : 0;
        }

        // Independent keys collide on about 1/256 of values; identical keys would collide on all 200.
        Assert.True(differentOrg > 190, $"only {differentOrg} of 200 differed across organisations");
        Assert.True(differentColumn > 190, $"only {differentColumn} of 200 differed across columns");
    }

    [Fact]
    public async Task Indexes_survive_key_rotation()
    {
        var org = await _keys.NewOrganisationAsync();
        var before = _keys.Indexer.Compute(org, "Beneficiary", "DateOfBirth", "1990-01-01");
        await _keys.Ring.RotateAsync(org, CancellationToken.None);
        using var fresh = new TestKeysView(_keys);
        Assert.Equal(before, fresh.Indexer.Compute(org, "Beneficiary", "DateOfBirth", "1990-01-01"));
    }

    public void Dispose() => _keys.Dispose();

    /// <summary>A second process over the same key store: nothing cached.</summary>
    private sealed class TestKeysView : IDisposable
    {
        private readonly Crypto.KeyRing _ring;

        public TestKeysView(TestKeys keys)
        {
            var options = Microsoft.Extensions.Options.Options.Create(new Crypto.EncryptionOptions { BlindIndexBits = 8 });
            _ring = new Crypto.KeyRing(keys.MasterKey, keys.Store, options, TimeProvider.System);
            Indexer = new Crypto.BlindIndexer(_ring, options);
        }

        public Crypto.BlindIndexer Indexer { get; }

        public void Dispose() => _ring.Dispose();
    }
}
