using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Common;

namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Tenant isolation's second line: the query filter keeps other organisations' rows out of every
/// query, and a handler checks again that the row it returns or changes is the caller's. Either
/// way, another organisation's row is "not found".
/// </summary>
public static class TenantGuard
{
    public static T OwnedBy<T>(this T? entity, ICurrentUser user, Guid id)
        where T : class, IOrganisationOwned =>
        entity is not null && entity.OrganisationId == user.OrganisationId
            ? entity
            : throw new NotFoundException(typeof(T).Name, id);
}
