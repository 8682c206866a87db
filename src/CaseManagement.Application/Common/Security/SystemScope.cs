using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Application.Common.Security;

public static class SystemScope
{
    /// <summary>
    /// A new scope in which messages run as the system: no role checks, audited as "system", and
    /// tenant-filtered to <paramref name="organisationId"/> (no organisation: platform-level work).
    /// </summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes, Guid? organisationId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SystemCaller>().Enter(organisationId);
        return scope;
    }
}
