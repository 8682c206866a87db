namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Commits what a command changed, in one database transaction.</summary>
public interface IUnitOfWork
{
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every pending change, so that a failed command writes nothing.</summary>
    void Discard();
}
