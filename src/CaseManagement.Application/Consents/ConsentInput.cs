using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Consents;

/// <summary>The terms of a consent as a request gives them: lists of names, where the domain keeps masks.</summary>
public sealed record ConsentInput(
    ConsentScope Scope,
    Guid? RecipientOrganisationId,
    IReadOnlyList<ServiceType> Purposes,
    IReadOnlyList<ReferralData> DataItems,
    ConsentForm Form,
    string? DocumentReference,
    string? Witness,
    DateOnly GivenOn)
{
    public ConsentTerms ToTerms() => new(
        Scope, RecipientOrganisationId, ServiceTypeSet.ToMask(Purposes), DataItems.Combine(), Form,
        TextRules.TrimmedOrNull(DocumentReference), TextRules.TrimmedOrNull(Witness), GivenOn);
}
