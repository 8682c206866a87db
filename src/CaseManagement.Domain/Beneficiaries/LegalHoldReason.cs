namespace CaseManagement.Domain.Beneficiaries;

/// <summary>Why a person's data must be kept past its retention period (GDPR art. 17(3)(b) and (e)).</summary>
public enum LegalHoldReason
{
    /// <summary>A criminal procedure the person is part of, recorded or not as a legal case here.</summary>
    CriminalProcedure = 1,

    /// <summary>A civil claim or other litigation.</summary>
    Litigation = 2,

    /// <summary>A request from a court, prosecutor or police to keep the file.</summary>
    AuthorityRequest = 3,
}
