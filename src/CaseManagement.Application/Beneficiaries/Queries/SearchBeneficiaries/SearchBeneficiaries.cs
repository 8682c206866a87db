using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Beneficiaries.Queries.SearchBeneficiaries;

/// <summary>
/// Exact search by national id, or by name (optionally with date of birth). It travels in a
/// request body, never in a URL, because the criteria are personal data.
/// </summary>
[Audited(AuditActions.Search, "Beneficiary")]
[RequiresRole(Roles.SocialWorker, Roles.Lawyer)]
public sealed record SearchBeneficiariesQuery(string? NationalId = null, string? FullName = null, DateOnly? DateOfBirth = null)
    : IQuery<IReadOnlyList<BeneficiarySummary>>;

internal sealed class SearchBeneficiariesHandler(IApplicationDbContext db, IBlindIndexSearch index)
    : IQueryHandler<SearchBeneficiariesQuery, IReadOnlyList<BeneficiarySummary>>
{
    public async ValueTask<IReadOnlyList<BeneficiarySummary>> Handle(SearchBeneficiariesQuery query, CancellationToken cancellationToken)
    {
        var found = await BeneficiaryDuplicates.FindAsync(
            db, index, query.NationalId, query.FullName, query.DateOfBirth, cancellationToken);
        return [.. found.Select(BeneficiarySummary.From)];
    }
}
