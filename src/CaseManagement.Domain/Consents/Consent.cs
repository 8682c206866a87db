using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Consents;

/// <summary>
/// One version of a beneficiary's consent. A change or a withdrawal never edits a version: it adds
/// the next one and retires the current, so the history of what the person agreed to is kept.
/// All versions of one consent share <see cref="ConsentId"/>.
/// </summary>
public sealed class Consent : IOrganisationOwned, IVersioned
{
    private Consent()
    {
    }

    private Consent(Guid id, Guid organisationId, Guid consentId, int number, Guid beneficiaryId, ConsentTerms terms, DateOnly? withdrawnOn, DateTimeOffset recordedAt, Guid recordedBy)
    {
        Validate(terms, withdrawnOn);
        Id = id;
        OrganisationId = organisationId;
        ConsentId = consentId;
        Number = number;
        BeneficiaryId = beneficiaryId;
        Scope = terms.Scope;
        RecipientOrganisationId = terms.RecipientOrganisationId;
        PurposesMask = terms.PurposesMask;
        DataItems = terms.DataItems;
        Form = terms.Form;
        DocumentReference = terms.DocumentReference;
        Witness = terms.Witness;
        GivenOn = terms.GivenOn;
        WithdrawnOn = withdrawnOn;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        IsCurrent = true;
    }

    /// <summary>This version's row id.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The consent all versions belong to; referrals name it.</summary>
    public Guid ConsentId { get; private set; }

    /// <summary>1 for the first version, then 2, 3…</summary>
    public int Number { get; private set; }

    /// <summary>
    /// The row's concurrency version (not the consent's <see cref="Number"/>). A referral made under
    /// this version moves it, and so does retiring it: a withdrawal racing a new referral fails one of them.
    /// </summary>
    public int Version { get; private set; }

    public Guid BeneficiaryId { get; private set; }

    public ConsentScope Scope { get; private set; }

    /// <summary>The organisation a referral consent names; none for processing.</summary>
    public Guid? RecipientOrganisationId { get; private set; }

    /// <summary>The services a referral consent is for, as a <see cref="ServiceTypeSet"/> mask.</summary>
    public int PurposesMask { get; private set; }

    /// <summary>The data items a referral may carry under this consent.</summary>
    public ReferralData DataItems { get; private set; }

    public ConsentForm Form { get; private set; }

    /// <summary>Where the signed paper is kept; may hold a name, so it is encrypted.</summary>
    [PersonalData]
    public string? DocumentReference { get; private set; }

    /// <summary>Who witnessed a verbal consent.</summary>
    [PersonalData]
    public string? Witness { get; private set; }

    public DateOnly GivenOn { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid RecordedBy { get; private set; }

    /// <summary>True for the newest version only.</summary>
    public bool IsCurrent { get; private set; }

    public ConsentTerms Terms => new(Scope, RecipientOrganisationId, PurposesMask, DataItems, Form, DocumentReference, Witness, GivenOn);

    public static Consent Record(Guid id, Guid organisationId, Guid beneficiaryId, ConsentTerms terms, DateTimeOffset recordedAt, Guid recordedBy)
    {
        if (id == Guid.Empty || organisationId == Guid.Empty || beneficiaryId == Guid.Empty)
        {
            throw DomainException.Argument("consent.ids", "A consent needs an id, an organisation and a beneficiary.");
        }

        return new Consent(id, organisationId, id, 1, beneficiaryId, terms, null, recordedAt, recordedBy);
    }

    /// <summary>The next version, with new terms; this one is retired.</summary>
    public Consent Revise(Guid id, ConsentTerms terms, DateTimeOffset recordedAt, Guid recordedBy)
    {
        EnsureLive();
        if (terms.Scope != Scope)
        {
            throw DomainException.Argument("consent.scope-change", "A consent keeps its scope; record a new consent for another scope.");
        }

        return Next(id, terms, null, recordedAt, recordedBy);
    }

    /// <summary>The next version, withdrawn on <paramref name="withdrawnOn"/>; this one is retired.</summary>
    public Consent Withdraw(Guid id, DateOnly withdrawnOn, DateTimeOffset recordedAt, Guid recordedBy)
    {
        EnsureLive();
        return Next(id, Terms, withdrawnOn, recordedAt, recordedBy);
    }

    /// <summary>True when this version, on <paramref name="today"/>, lets the organisation refer the person to <paramref name="recipient"/> for those services with those data items.</summary>
    public bool CoversReferral(Guid recipient, int servicesMask, ReferralData data, DateOnly today) =>
        IsCurrent && WithdrawnOn is null && Scope == ConsentScope.Referral && RecipientOrganisationId == recipient && GivenOn <= today
        && ServiceTypeSet.Covers(PurposesMask, servicesMask) && (DataItems & data) == data;

    /// <summary>A referral relies on this version now; see <see cref="Version"/>.</summary>
    public void NoteReferral() => Version++;

    private Consent Next(Guid id, ConsentTerms terms, DateOnly? withdrawnOn, DateTimeOffset recordedAt, Guid recordedBy)
    {
        var next = new Consent(id, OrganisationId, ConsentId, Number + 1, BeneficiaryId, terms, withdrawnOn, recordedAt, recordedBy);
        IsCurrent = false;
        Version++;
        return next;
    }

    private void EnsureLive()
    {
        if (!IsCurrent)
        {
            throw DomainException.State("consent.superseded", "Only the current version of a consent can change.");
        }

        if (WithdrawnOn is not null)
        {
            throw DomainException.State("consent.withdrawn", "A withdrawn consent does not change; record a new one.");
        }
    }

    private static void Validate(ConsentTerms terms, DateOnly? withdrawnOn)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Scope == ConsentScope.Referral && (terms.RecipientOrganisationId is null || terms.PurposesMask == 0 || (terms.DataItems & ReferralDataExtensions.Minimum) == 0))
        {
            throw DomainException.Argument("consent.referral", "A referral consent names the organisation, at least one service, and covers at least the first name or alias.");
        }

        if (terms.Scope == ConsentScope.Processing && (terms.RecipientOrganisationId is not null || terms.PurposesMask != 0 || terms.DataItems != ReferralData.None))
        {
            throw DomainException.Argument("consent.processing", "A processing consent names no organisation, service or data item.");
        }

        if (terms.Form == ConsentForm.Written ? string.IsNullOrWhiteSpace(terms.DocumentReference) : string.IsNullOrWhiteSpace(terms.Witness))
        {
            throw DomainException.Argument("consent.form", "A written consent needs its document reference; a verbal one, its witness.");
        }

        if (withdrawnOn is { } withdrawn && withdrawn < terms.GivenOn)
        {
            throw DomainException.Argument("consent.withdrawn-before-given", "A consent cannot be withdrawn before it was given.");
        }
    }
}
