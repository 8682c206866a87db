using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Tests;

public sealed class PlatformPseudonymTests
{
    private static readonly PlatformPseudonyms Pseudonyms = new(new ConfiguredMasterKeyProvider(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    [Fact]
    public void One_person_gets_one_pseudonym_however_the_record_is_written_but_never_the_same_stored_bytes()
    {
        var first = Pseudonyms.Seal(Details("Ioana Popescu", "1850101123456", new DateOnly(1995, 4, 12)))!;
        var second = Pseudonyms.Seal(Details("IOANA  POPESCU", "1850101-123 456", null))!;
        Assert.NotEqual(first, second); // sealed with a fresh nonce: the database cannot link them
        Assert.Equal(Pseudonyms.TryOpen(first), Pseudonyms.TryOpen(second));

        // Without a national id, name (case, accents and spacing aside) and date of birth decide.
        var byName = Pseudonyms.TryOpen(Pseudonyms.Seal(Details("Ștefania Ionescu", null, new DateOnly(2001, 2, 3)))!);
        Assert.Equal(byName, Pseudonyms.TryOpen(Pseudonyms.Seal(Details(" stefania   IONESCU ", null, new DateOnly(2001, 2, 3)))!));
        Assert.NotEqual(byName, Pseudonyms.TryOpen(Pseudonyms.Seal(Details("Stefania Ionescu", null, new DateOnly(2001, 2, 4)))!));
        Assert.NotEqual(byName, Pseudonyms.TryOpen(first));

        // A referral's placeholder (an alias, no id, no date of birth) has none; a damaged value opens to nothing.
        Assert.Null(Pseudonyms.Seal(Details("Ani", null, null)));
        first[^1] ^= 1;
        Assert.Null(Pseudonyms.TryOpen(first));
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("0000000")]
    [InlineData("-")]
    [InlineData("123")]
    [InlineData("UNKNOWN")]
    public void A_placeholder_id_makes_no_two_people_one_and_name_and_date_of_birth_decide(string placeholder)
    {
        var born = new DateOnly(1990, 1, 1);
        var one = Pseudonyms.TryOpen(Pseudonyms.Seal(Details("Maria Stan", placeholder, born))!);
        Assert.NotEqual(one, Pseudonyms.TryOpen(Pseudonyms.Seal(Details("Elena Dobre", placeholder, born))!));
        Assert.Equal(one, Pseudonyms.TryOpen(Pseudonyms.Seal(Details("Maria Stan", null, born))!));
        Assert.Null(Pseudonyms.Seal(Details("Ana", placeholder, null)));
    }

    private static PersonalDetails Details(string name, string? nationalId, DateOnly? born) =>
        new(name, [], nationalId, born, null, null, null, null);
}
