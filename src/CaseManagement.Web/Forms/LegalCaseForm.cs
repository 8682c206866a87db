using CaseManagement.Application.LegalCases;
using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Web.Forms;

/// <summary>The legal case's details as the opening and editing forms post them, turned into the use case's input.</summary>
public static class LegalCaseForm
{
    public const string VenueKind = nameof(LegalCaseInput.VenueKind);
    public const string VenueName = nameof(LegalCaseInput.VenueName);
    public const string FileNumber = nameof(LegalCaseInput.FileNumber);
    public const string OffenceCategory = nameof(LegalCaseInput.OffenceCategory);
    public const string ProceduralRole = nameof(LegalCaseInput.ProceduralRole);
    public const string ProtectiveMeasures = nameof(LegalCaseInput.ProtectiveMeasures);
    public const string AmountClaimed = nameof(LegalCaseInput.AmountClaimed);
    public const string AmountAwarded = nameof(LegalCaseInput.AmountAwarded);
    public const string AmountPaid = nameof(LegalCaseInput.AmountPaid);
    public const string Currency = nameof(LegalCaseInput.Currency);

    /// <summary>
    /// The input (the linked service episode is kept as <paramref name="episodeId"/>: the forms do not
    /// change it), or null when a value could not be read (its field then has an error). The offence
    /// category and the currency are checked against their lists by the use case's validator.
    /// </summary>
    public static LegalCaseInput? Read(FormValues values, FormErrors errors, Guid? episodeId = null)
    {
        var venueName = values.Text(VenueName);
        values.Require(VenueName, venueName);
        var fileNumber = values.Text(FileNumber);
        values.Require(FileNumber, fileNumber);
        var offence = values.Text(OffenceCategory);
        values.Require(OffenceCategory, offence);
        var input = new LegalCaseInput
        {
            ServiceEpisodeId = episodeId,
            VenueKind = values.Enum<VenueKind>(VenueKind),
            VenueName = venueName ?? string.Empty,
            FileNumber = fileNumber ?? string.Empty,
            OffenceCategory = offence ?? string.Empty,
            ProceduralRole = values.Enum<ProceduralRole>(ProceduralRole),
            ProtectiveMeasures = values.Enums<ProtectiveMeasure>(ProtectiveMeasures),
            AmountClaimed = values.Amount(AmountClaimed),
            AmountAwarded = values.Amount(AmountAwarded),
            AmountPaid = values.Amount(AmountPaid),
            Currency = values.Text(Currency),
        };
        return errors.Any ? null : input;
    }
}
