using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.LegalCases.Queries.ListOffenceCategories;

/// <summary>The configured offence category codes a legal case may take.</summary>
[RequiresRole(Roles.Lawyer, Roles.SocialWorker)]
public sealed record ListOffenceCategoriesQuery : IQuery<IReadOnlyList<string>>;

internal sealed class ListOffenceCategoriesHandler(IOptions<LegalCaseOptions> options) : IQueryHandler<ListOffenceCategoriesQuery, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(ListOffenceCategoriesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.OffenceCategories);
}
