using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Beneficiaries;

/// <summary>A person assisted by one organisation.</summary>
public sealed class Beneficiary : IOrganisationOwned, IVersioned
{
    public const int FirstYearOfIdentification = 1990;

    private Beneficiary()
    {
        FullName = string.Empty;
        Aliases = [];
    }

    public Beneficiary(Guid id, Guid organisationId, PersonalDetails details, BeneficiaryProfile profile, DateTimeOffset registeredAt)
        : this()
    {
        if (id == Guid.Empty || organisationId == Guid.Empty)
        {
            throw DomainException.Argument("beneficiary.ids", "A beneficiary needs an id and an organisation.");
        }

        Id = id;
        OrganisationId = organisationId;
        RegisteredAt = registeredAt;
        Apply(details, profile);
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    [PersonalData]
    public string FullName { get; private set; }

    [PersonalData]
    public IReadOnlyList<string> Aliases { get; private set; }

    /// <summary>Romanian CNP or a foreign document number.</summary>
    [PersonalData]
    public string? NationalId { get; private set; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; private set; }

    [PersonalData]
    public string? Phone { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Address { get; private set; }

    [PersonalData]
    public string? Citizenship { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Notes { get; private set; }

    public Sex Sex { get; private set; }

    public AgeBand AgeBandAtIdentification { get; private set; }

    public bool MinorAtIdentification { get; private set; }

    public ExploitationTypes ExploitationTypes { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryOfExploitation { get; private set; }

    public int YearOfIdentification { get; private set; }

    public ReferralSourceKind ReferralSource { get; private set; }

    /// <summary>
    /// The platform-level pseudonym of the person (of their national id, else of name and date of
    /// birth), sealed with a fresh nonce each time: two records of one person never look alike in the
    /// database, and only the server, unsealing them, can tell. Null when there is nothing to derive it from.
    /// </summary>
    public byte[]? SealedPlatformPseudonym { get; private set; }

    public void SealPlatformPseudonym(byte[]? sealedPseudonym) => SealedPlatformPseudonym = sealedPseudonym;

    /// <summary>When the personal data was erased (retention or a request); the statistical attributes stay.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public bool IsAnonymised => AnonymisedAt is not null;

    /// <summary>Set while the data must be kept whatever the retention period says.</summary>
    public LegalHoldReason? LegalHold { get; private set; }

    public DateTimeOffset? LegalHoldSince { get; private set; }

    public void PlaceLegalHold(LegalHoldReason reason, DateTimeOffset at)
    {
        if (!Enum.IsDefined(reason))
        {
            throw DomainException.Argument("beneficiary.hold", "Unknown legal hold reason.");
        }

        EnsureNotAnonymised();
        LegalHoldSince = LegalHold is null ? at : LegalHoldSince;
        LegalHold = reason;
        Version++;
    }

    public void ReleaseLegalHold()
    {
        LegalHold = null;
        LegalHoldSince = null;
        Version++;
    }

    /// <summary>
    /// Erases every personal field, the platform pseudonym with them (it would let a later record of
    /// the same person find this one). Sex, age band, exploitation, country, year and source stay, so
    /// that counts do not change. A held record is refused.
    /// </summary>
    public void Anonymise(DateTimeOffset at)
    {
        EnsureNotAnonymised();
        if (LegalHold is not null)
        {
            throw DomainException.State("beneficiary.legal-hold", "The person's data is under a legal hold; release the hold first.");
        }

        FullName = string.Empty;
        Aliases = [];
        NationalId = null;
        DateOfBirth = null;
        Phone = null;
        Address = null;
        Citizenship = null;
        Notes = null;
        SealedPlatformPseudonym = null;
        AnonymisedAt = at;
        Version++;
    }

    public PersonalDetails Details =>
        new(FullName, Aliases, NationalId, DateOfBirth, Phone, Address, Citizenship, Notes);

    public BeneficiaryProfile Profile =>
        new(Sex, AgeBandAtIdentification, MinorAtIdentification, ExploitationTypes, CountryOfExploitation, YearOfIdentification, ReferralSource);

    public void Update(PersonalDetails details, BeneficiaryProfile profile)
    {
        EnsureNotAnonymised();
        Apply(details, profile);
        Version++;
    }

    private void EnsureNotAnonymised()
    {
        if (IsAnonymised)
        {
            throw DomainException.State("beneficiary.anonymised", "The person's data was erased; the record only counts in statistics.");
        }
    }

    private void Apply(PersonalDetails details, BeneficiaryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(details.FullName))
        {
            throw DomainException.Argument("beneficiary.name", "A beneficiary needs a name.");
        }

        if (profile.AgeBandAtIdentification != AgeBand.Unknown
            && profile.AgeBandAtIdentification.IsMinor() != profile.MinorAtIdentification)
        {
            throw DomainException.Argument("beneficiary.minor", "The minor flag contradicts the age band at identification.");
        }

        if (profile.YearOfIdentification < FirstYearOfIdentification)
        {
            throw DomainException.Argument("beneficiary.year", "The year of identification is too early.");
        }

        FullName = details.FullName.Trim();
        Aliases = [.. details.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0)];
        NationalId = details.NationalId;
        DateOfBirth = details.DateOfBirth;
        Phone = details.Phone;
        Address = details.Address;
        Citizenship = details.Citizenship;
        Notes = details.Notes;
        Sex = profile.Sex;
        AgeBandAtIdentification = profile.AgeBandAtIdentification;
        MinorAtIdentification = profile.MinorAtIdentification;
        ExploitationTypes = profile.ExploitationTypes;
        CountryOfExploitation = profile.CountryOfExploitation?.ToUpperInvariant();
        YearOfIdentification = profile.YearOfIdentification;
        ReferralSource = profile.ReferralSource;
    }
}
