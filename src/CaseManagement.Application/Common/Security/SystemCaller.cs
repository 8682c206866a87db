namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Marks one service scope as the system at work: a job, a command-line verb, development seeding.
/// Code without a signed-in user must ask for it (<see cref="SystemScope.CreateSystemScope"/>);
/// anywhere else a missing user is simply nobody, and is denied.
/// </summary>
public sealed class SystemCaller
{
    public bool IsActive { get; private set; }

    /// <summary>The one organisation the system acts for, or null for platform-level work (which sees no organisation's rows).</summary>
    public Guid? OrganisationId { get; private set; }

    internal void Enter(Guid? organisationId)
    {
        if (IsActive)
        {
            throw new InvalidOperationException("This scope already acts as the system.");
        }

        IsActive = true;
        OrganisationId = organisationId;
    }
}
