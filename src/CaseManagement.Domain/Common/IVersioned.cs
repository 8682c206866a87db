namespace CaseManagement.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency. The persistence layer increments
/// <see cref="Version"/> on every save that changes the aggregate.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
