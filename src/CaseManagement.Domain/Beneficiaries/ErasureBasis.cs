namespace CaseManagement.Domain.Beneficiaries;

/// <summary>The ground of an erasure on request, as GDPR art. 17(1) lists them, (a) to (f).</summary>
public enum ErasureBasis
{
    /// <summary>(a) No longer necessary for the purposes it was collected for.</summary>
    NoLongerNecessary = 1,

    /// <summary>(b) The person withdrew the consent the processing rested on.</summary>
    ConsentWithdrawn = 2,

    /// <summary>(c) The person objected, and no overriding legitimate ground remains.</summary>
    Objection = 3,

    /// <summary>(d) Processed unlawfully.</summary>
    UnlawfulProcessing = 4,

    /// <summary>(e) A legal obligation to erase.</summary>
    LegalObligation = 5,

    /// <summary>(f) Collected from a child for an information society service.</summary>
    ChildConsent = 6,
}
