using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Tests;

public sealed class BeneficiaryTests
{
    private static readonly PersonalDetails Details = new(" Ana Pop ", [" Ani ", " "], "2900101123456", new DateOnly(1990, 1, 1), null, null, "RO", null);

    private static BeneficiaryProfile Profile(AgeBand band = AgeBand.From18To25, bool minor = false, int year = 2024) =>
        new(Sex.Female, band, minor, ExploitationTypes.Sexual | ExploitationTypes.Labour, "it", year, ReferralSourceKind.Police);

    [Fact]
    public void Registration_trims_names_drops_empty_aliases_and_normalises_the_country()
    {
        var b = new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(), DateTimeOffset.UnixEpoch);
        Assert.Equal("Ana Pop", b.FullName);
        Assert.Equal(["Ani"], b.Aliases);
        Assert.Equal("IT", b.CountryOfExploitation);
        Assert.True(b.ExploitationTypes.HasFlag(ExploitationTypes.Labour));
        Assert.Equal(0, b.Version);
        b.Update(Details with { Phone = "+40 700 000 000" }, Profile());
        Assert.Equal(1, b.Version);
    }

    [Theory]
    [InlineData(AgeBand.Under14, false)]
    [InlineData(AgeBand.From14To17, false)]
    [InlineData(AgeBand.From26To35, true)]
    public void The_minor_flag_must_agree_with_the_age_band(AgeBand band, bool minor)
    {
        var error = Assert.Throws<DomainException>(() => new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(band, minor), DateTimeOffset.UnixEpoch));
        Assert.Equal("beneficiary.minor", error.Code);
    }

    [Fact]
    public void An_unknown_age_band_accepts_either_minor_flag()
    {
        _ = new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(AgeBand.Unknown, true), DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void A_beneficiary_needs_a_name_ids_and_a_plausible_year()
    {
        Assert.Throws<DomainException>(() => new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details with { FullName = " " }, Profile(), DateTimeOffset.UnixEpoch));
        Assert.Throws<DomainException>(() => new Beneficiary(Guid.Empty, Guid.CreateVersion7(), Details, Profile(), DateTimeOffset.UnixEpoch));
        Assert.Throws<DomainException>(() => new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(year: 1989), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Every_personal_property_is_marked_and_no_statistical_one_is()
    {
        var personal = typeof(Beneficiary).GetProperties()
            .Where(p => p.IsDefined(typeof(PersonalDataAttribute), true)).Select(p => p.Name).Order().ToArray();
        Assert.Equal(["Address", "Aliases", "Citizenship", "DateOfBirth", "FullName", "NationalId", "Notes", "Phone"], personal);
    }

    [Fact]
    public void Anonymising_blanks_every_personal_field_and_the_pseudonym_and_keeps_the_profile()
    {
        var b = new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details with { Phone = "+40 700", Address = "Str. 1", Notes = "n" }, Profile(), DateTimeOffset.UnixEpoch);
        b.SealPlatformPseudonym([1, 2, 3]);
        var profile = b.Profile;
        b.Anonymise(DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(new PersonalDetails(string.Empty, [], null, null, null, null, null, null), b.Details with { Aliases = [] });
        Assert.Empty(b.Aliases);
        Assert.Null(b.SealedPlatformPseudonym);
        Assert.Equal(profile, b.Profile);
        Assert.True(b.IsAnonymised);
        Assert.Equal("beneficiary.anonymised", Assert.Throws<DomainException>(() => b.Update(Details, Profile())).Code);
        Assert.Equal("beneficiary.anonymised", Assert.Throws<DomainException>(() => b.Anonymise(DateTimeOffset.UnixEpoch)).Code);
        Assert.Equal("beneficiary.anonymised", Assert.Throws<DomainException>(() => b.PlaceLegalHold(LegalHoldReason.Litigation, DateTimeOffset.UnixEpoch)).Code);
    }

    [Fact]
    public void A_legal_hold_refuses_anonymisation_until_released_and_keeps_its_first_date()
    {
        var b = new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(), DateTimeOffset.UnixEpoch);
        var first = DateTimeOffset.UnixEpoch.AddDays(3);
        b.PlaceLegalHold(LegalHoldReason.CriminalProcedure, first);
        b.PlaceLegalHold(LegalHoldReason.AuthorityRequest, first.AddDays(1));
        Assert.Equal((LegalHoldReason.AuthorityRequest, first), (b.LegalHold!.Value, b.LegalHoldSince!.Value));
        Assert.Equal("beneficiary.legal-hold", Assert.Throws<DomainException>(() => b.Anonymise(first)).Code);
        Assert.Equal("Ana Pop", b.FullName);
        b.ReleaseLegalHold();
        b.Anonymise(first);
        Assert.Equal(string.Empty, b.FullName);
        Assert.Equal("beneficiary.hold", Assert.Throws<DomainException>(() => new Beneficiary(Guid.CreateVersion7(), Guid.CreateVersion7(), Details, Profile(), DateTimeOffset.UnixEpoch)
            .PlaceLegalHold((LegalHoldReason)99, first)).Code);
    }
}
