namespace CaseManagement.Domain.Consents;

public enum ConsentScope
{
    /// <summary>The organisation's own processing of the person's data.</summary>
    Processing = 1,

    /// <summary>A referral to one named organisation, for named services, with named data items.</summary>
    Referral = 2,
}
