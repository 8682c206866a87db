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
}
