using CaseManagement.Application.Consents;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Web.Forms;

/// <summary>A consent's terms, by the names the consent forms post, turned into the use case's input.</summary>
public static class ConsentTermsForm
{
    /// <summary>The name the commands give the terms: their validation errors are on "Terms.GivenOn" and so on.</summary>
    public const string Prefix = "Terms";

    public const string Scope = nameof(ConsentInput.Scope);
    public const string Recipient = nameof(ConsentInput.RecipientOrganisationId);
    public const string Purposes = nameof(ConsentInput.Purposes);
    public const string DataItems = nameof(ConsentInput.DataItems);
    public const string Form = nameof(ConsentInput.Form);
    public const string DocumentReference = nameof(ConsentInput.DocumentReference);
    public const string Witness = nameof(ConsentInput.Witness);
    public const string GivenOn = nameof(ConsentInput.GivenOn);

    /// <summary>
    /// The terms, or null when a value could not be read (its field then has an error). A consent to
    /// refer always covers the first name or alias, which every referral carries: the form does not ask.
    /// </summary>
    public static ConsentInput? Read(FormValues values, FormErrors errors)
    {
        var scope = values.Enum<ConsentScope>(Scope);
        var recipient = values.Id(Recipient);
        var purposes = values.Enums<ServiceType>(Purposes);
        var items = values.Enums<ReferralData>(DataItems);
        var form = values.Enum<ConsentForm>(Form);
        var reference = values.Text(DocumentReference);
        var witness = values.Text(Witness);
        var givenOn = values.Date(GivenOn);
        values.Require(GivenOn, givenOn);
        if (scope == ConsentScope.Referral && !items.Contains(ReferralDataExtensions.Minimum))
        {
            items.Insert(0, ReferralDataExtensions.Minimum);
        }

        return errors.Any ? null : new ConsentInput(scope, recipient, purposes, items, form, reference, witness, givenOn!.Value);
    }
}
