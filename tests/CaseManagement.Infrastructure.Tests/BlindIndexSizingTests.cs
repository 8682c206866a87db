using CaseManagement.Infrastructure.Crypto;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Tests;

public sealed class BlindIndexSizingTests
{
    [Theory]
    [InlineData(10_000, 32, 8)]      // the default: what every index kept before the bits followed the rows
    [InlineData(100_000, 32, 12)]
    [InlineData(1_000_000, 32, 15)]  // ~31 candidates per lookup instead of ~3,900 at 8 bits
    [InlineData(1_000_000, 4, 18)]   // a small target is held below C ≥ 2 ... (log2(250,000) = 17.9)
    [InlineData(1_000_000, 2, 18)]   // ... and never above it
    [InlineData(1_000_000, 2_000, 10)] // a large target is held at C < √R
    [InlineData(100, 32, 4)]         // a tiny organisation: the floor of 4 bits
    [InlineData(1_000_000_000, 32, 24)] // the ceiling
    public void Bits_aim_at_the_target_within_the_rule_and_the_limits(long rows, int target, int expected) =>
        Assert.Equal(expected, BlindIndexSizing.Bits(rows, target));

    [Fact]
    public void Between_the_limits_every_size_keeps_CipherSweets_rule()
    {
        for (long rows = 1_024; rows <= 500_000_000; rows = rows * 5 / 4)
        {
            foreach (var target in new[] { 2, 8, 32, 100 })
            {
                var bits = BlindIndexSizing.Bits(rows, target);
                var coincidences = rows / Math.Pow(2, bits);
                Assert.True(coincidences >= 2 && coincidences < Math.Sqrt(rows), $"{rows} rows, target {target}: {bits} bits give C = {coincidences:F1}");
            }
        }
    }

    [Fact]
    public void A_small_input_space_caps_the_bits_so_each_value_stands_for_at_least_two_inputs()
    {
        var birthDates = Math.Log2(60 * 365.25); // 14.4
        Assert.Equal(13, BlindIndexSizing.Bits(1_000_000, 32, birthDates));
        Assert.Equal(13, BlindIndexSizing.Bits(100_000_000, 32, birthDates));
        Assert.Equal(8, BlindIndexSizing.Bits(10_000, 32, birthDates));
    }

    [Fact]
    public void Each_column_is_sized_and_a_per_column_setting_or_the_old_uniform_one_wins()
    {
        var options = new EncryptionOptions { BlindIndex = { ExpectedRows = 1_000_000 } };
        Assert.Equal(15, BlindIndexSizing.For(options)[("Beneficiary", "NationalId")]);
        Assert.Equal(15, BlindIndexSizing.For(options)[("Beneficiary", "FullName")]);
        Assert.Equal(13, BlindIndexSizing.For(options)[("Beneficiary", "DateOfBirth")]);

        options.BlindIndex.Bits["Beneficiary"] = new() { ["NationalId"] = 20 };
        Assert.Equal(20, BlindIndexSizing.For(options)[("Beneficiary", "NationalId")]);
        Assert.Equal(15, BlindIndexSizing.For(options)[("Beneficiary", "FullName")]);

        options.BlindIndexBits = 8;
        Assert.Equal(20, BlindIndexSizing.For(options)[("Beneficiary", "NationalId")]);
        Assert.Equal(8, BlindIndexSizing.For(options)[("Beneficiary", "DateOfBirth")]);
    }

    [Theory]
    [InlineData(10, 32, null, null, "ExpectedRows")]
    [InlineData(10_000, 1, null, null, "TargetCoincidences")]
    [InlineData(10_000, 100, null, null, "TargetCoincidences")] // 100 ≥ √10,000
    [InlineData(10_000, 32, 30, null, "BlindIndexBits")]
    [InlineData(10_000, 32, null, "Phone", "names no blind index")]
    [InlineData(10_000, 32, null, "NationalId", "Bits:Beneficiary:NationalId must lie between 4 and 24")]
    public void Settings_outside_the_limits_are_refused_with_the_setting_named(long rows, int target, int? uniform, string? column, string message)
    {
        var options = new EncryptionOptions { BlindIndexBits = uniform, BlindIndex = { ExpectedRows = rows, TargetCoincidences = target } };
        if (column is not null)
        {
            options.BlindIndex.Bits["Beneficiary"] = new() { [column] = 30 };
        }

        Assert.Contains(message, BlindIndexSizing.Problem(options));
        var error = Assert.Throws<InvalidOperationException>(() => new BlindIndexer(null!, Options.Create(options)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_default_settings_are_valid_and_keep_8_bits_everywhere()
    {
        var options = new EncryptionOptions();
        Assert.Null(BlindIndexSizing.Problem(options));
        Assert.All(BlindIndexSizing.For(options).Values, bits => Assert.Equal(8, bits));
    }

    [Fact]
    public async Task The_indexer_keeps_each_columns_bits()
    {
        using var keys = new TestKeys(new EncryptionOptions { BlindIndex = { ExpectedRows = 1_000_000 } });
        var org = await keys.NewOrganisationAsync();
        var seen = new HashSet<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var index = keys.Indexer.Compute(org, "Beneficiary", "NationalId", $"ID{i}");
            Assert.InRange(index, 0, (1 << 15) - 1);
            seen.Add(index);
        }

        Assert.True(seen.Max() >= 1 << 14, "the top bit of 15 is used");
        Assert.Throws<InvalidOperationException>(() => keys.Indexer.Compute(org, "Beneficiary", "Phone", "0712"));
    }
}
