using System.Text.Json.Nodes;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Every row held about one person, found from the persistence model: rows tied to them by
/// <c>BeneficiaryId</c>, to their cases by <c>CaseId</c>, to their legal cases by <c>LegalCaseId</c>,
/// and the sender's part of referrals made from their cases. An entity added later with one of those
/// keys is exported and erased with no change here.
/// </summary>
public interface IBeneficiaryRecords
{
    /// <summary>Everything held on the person, personal fields opened, as one JSON object per row, grouped by entity type.</summary>
    Task<JsonObject> ExportAsync(Guid beneficiaryId, CancellationToken cancellationToken);

    /// <summary>Deletes the notes about the person and blanks every personal field of every other row about them; the caller saves.</summary>
    Task EraseDependentsAsync(Guid beneficiaryId, CancellationToken cancellationToken);
}
