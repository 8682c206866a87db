namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// One database transaction per command: everything the command writes, its audit entry
/// included, is committed together or not at all.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Opens the transaction; every save until <see cref="CommitAsync"/> (Identity's own saves included) joins it.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Writes the tracked changes (within the transaction, if one is open). A stale version answers 409.</summary>
    Task SaveAsync(CancellationToken cancellationToken);

    /// <summary>Writes what is left and commits the open transaction.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Rolls the open transaction back and forgets every pending change, so that a failed command writes nothing.</summary>
    Task DiscardAsync();

    /// <summary>The 409 that a database error stands for (a unique key taken by a concurrent writer), or null.</summary>
    Exception? AsConflict(Exception exception);
}
