using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Consents;

/// <summary>One version of a consent. <see cref="ConsentId"/> names the consent; <see cref="Number"/>, the version.</summary>
public sealed record ConsentDto(
    Guid ConsentId,
    int Number,
    Guid BeneficiaryId,
    ConsentScope Scope,
    Guid? RecipientOrganisationId,
    IReadOnlyList<ServiceType> Purposes,
    IReadOnlyList<ReferralData> DataItems,
    ConsentForm Form,
    string? DocumentReference,
    string? Witness,
    DateOnly GivenOn,
    DateOnly? WithdrawnOn,
    bool IsCurrent,
    DateTimeOffset RecordedAt) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ConsentId;

    public static ConsentDto From(Consent c) => new(
        c.ConsentId, c.Number, c.BeneficiaryId, c.Scope, c.RecipientOrganisationId, ServiceTypeSet.FromMask(c.PurposesMask), c.DataItems.Items(),
        c.Form, c.DocumentReference, c.Witness, c.GivenOn, c.WithdrawnOn, c.IsCurrent, c.RecordedAt);
}
