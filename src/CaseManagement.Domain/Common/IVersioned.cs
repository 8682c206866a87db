namespace CaseManagement.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency. Every method that changes the aggregate or its
/// children increments <see cref="Version"/>; the database refuses a save whose loaded version is
/// no longer current, so two racing changes never both succeed.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
