using System.Security.Cryptography;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Identity;

namespace CaseManagement.Infrastructure.Tests;

/// <summary>The pieces of the password policy and of recovery-code storage that need no database.</summary>
public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_whole_common_password_list_is_embedded_and_compared_folded()
    {
        Assert.Equal(49_233, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains(PasswordPolicy.Folded("QWERTYUIOP")));
        Assert.False(CommonPasswords.Contains(PasswordPolicy.Folded("tea kettle on a quiet hill")));
    }

    [Theory]
    [InlineData("ABCDE-FGHJK", true)]
    [InlineData("abcde fghjk", true)]
    [InlineData(" abcdefghjk ", true)]
    [InlineData("123456", false)]
    [InlineData("", false)]
    [InlineData("ABCDE-FGHJ", false)]
    [InlineData("ABCDE-FGHJ!", false)]
    public void A_recovery_code_is_recognised_however_it_is_typed_and_never_mistaken_for_an_authenticator_code(string typed, bool expected) =>
        Assert.Equal(expected, RecoveryCodes.LooksLikeRecoveryCode(typed));

    [Fact]
    public void Stored_recovery_codes_are_keyed_to_the_master_key_and_the_user()
    {
        var key = new FixedKey();
        var user = Guid.NewGuid();
        var stored = RecoveryCodeHashes.Of(key, user, ["ABCDE-FGHJK", "BCDFG-HJKMN"]);
        Assert.DoesNotContain("ABCDE", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, RecoveryCodeHashes.Count(stored));

        var remaining = RecoveryCodeHashes.Without(key, user, stored, "abcde fghjk");
        Assert.Equal(1, RecoveryCodeHashes.Count(remaining));
        Assert.Null(RecoveryCodeHashes.Without(key, user, remaining, "ABCDE-FGHJK"));
        Assert.Null(RecoveryCodeHashes.Without(key, Guid.NewGuid(), stored, "BCDFG-HJKMN")); // another user's row
        Assert.Null(RecoveryCodeHashes.Without(new FixedKey(), user, stored, "BCDFG-HJKMN")); // another master key
        Assert.Equal(0, RecoveryCodeHashes.Count("ABCDE-FGHJK;BCDFG-HJKMN")); // Identity's clear format counts as none
    }

    private sealed class FixedKey : IMasterKeyProvider
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        public ReadOnlySpan<byte> MasterKey => _key;
    }
}
