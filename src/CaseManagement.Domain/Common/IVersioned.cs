namespace CaseManagement.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency. Every method that changes what the aggregate
/// says increments <see cref="Version"/>; the database refuses a save whose loaded version is no
/// longer current.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
