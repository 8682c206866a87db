using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Benchmarks;

/// <summary>The benchmarks run as the system: no user, no tenant filter of their own.</summary>
internal sealed class BenchCaller : ICurrentUser
{
    public Guid? UserId => null;

    public Guid? OrganisationId => null;

    public string? ClientId => "benchmark";

    public bool IsSystem => true;

    public bool IsInRole(string role) => false;

    public bool HasScope(string scope) => false;
}
