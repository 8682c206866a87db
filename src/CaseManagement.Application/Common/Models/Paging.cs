using FluentValidation;

namespace CaseManagement.Application.Common.Models;

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    public static IRuleBuilderOptions<T, int> ValidPageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, 100_000);

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize);

    public static IQueryable<T> PageOf<T>(this IQueryable<T> source, int pageNumber, int pageSize) =>
        source.Skip((pageNumber - 1) * pageSize).Take(pageSize);
}
