using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Consents;

/// <summary>What a person agreed to, and how: one version of a consent.</summary>
public sealed record ConsentTerms(
    ConsentScope Scope,
    Guid? RecipientOrganisationId,
    int PurposesMask,
    ReferralData DataItems,
    ConsentForm Form,
    string? DocumentReference,
    string? Witness,
    DateOnly GivenOn);
