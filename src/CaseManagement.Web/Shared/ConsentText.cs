using CaseManagement.Application.Consents;
using CaseManagement.Application.Referrals.Queries.ListReferralRecipients;
using CaseManagement.Domain.Consents;
using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Shared;

/// <summary>A consent's terms in the page's language, as the social worker reads them back.</summary>
public static class ConsentText
{
    /// <summary>What a consent to refer allows (to whom, for what, which data); a processing consent names none of it.</summary>
    public static string Terms(IStringLocalizer<Text> text, ConsentDto consent, IReadOnlyList<ReferralRecipient> recipients) =>
        consent.Scope == ConsentScope.Referral
            ? text["Consent.ReferralTerms",
                recipients.FirstOrDefault(r => r.Id == consent.RecipientOrganisationId)?.Name ?? text["Referrals.UnlistedOrganisation"].Value,
                Labels.List(text, consent.Purposes),
                Labels.List(text, consent.DataItems)].Value
            : text["Consent.ProcessingTerms"].Value;

    /// <summary>How it was given, and its evidence: where the signed paper is, or who witnessed it (the social workers' only).</summary>
    public static string Evidence(IStringLocalizer<Text> text, ConsentDto consent) =>
        (consent.Form == ConsentForm.Written ? consent.DocumentReference : consent.Witness) is { } evidence
            ? $"{text[$"ConsentForm.{consent.Form}"].Value}: {evidence}"
            : text[$"ConsentForm.{consent.Form}"].Value;
}
