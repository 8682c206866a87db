namespace CaseManagement.Domain.Beneficiaries;

// Statistical attributes are stored in clear because the platform's counts need them; each is
// deliberately coarse so that it cannot single a person out on its own.

public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}

public enum AgeBand
{
    Unknown = 0,
    Under14 = 1,
    From14To17 = 2,
    From18To25 = 3,
    From26To35 = 4,
    From36To50 = 5,
    Over50 = 6,
}

/// <summary>Forms of exploitation, as ProTECT members report them; a person may suffer several.</summary>
[Flags]
public enum ExploitationTypes
{
    None = 0,
    Sexual = 1,
    Labour = 2,
    Begging = 4,
    ForcedCriminality = 8,
    DomesticServitude = 16,
    OrganRemoval = 32,
    Other = 64,
}

/// <summary>Who brought the person to the organisation.</summary>
public enum ReferralSourceKind
{
    Unknown = 0,
    Police = 1,
    Prosecutor = 2,
    NationalAntiTraffickingAgency = 3,
    Ngo = 4,
    EmbassyOrConsulate = 5,
    SocialServices = 6,
    Hotline = 7,
    SelfReferral = 8,
    Other = 9,
}

public static class AgeBandExtensions
{
    public static bool IsMinor(this AgeBand band) => band is AgeBand.Under14 or AgeBand.From14To17;
}
