namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Also lets a machine client in (no person: client credentials) whose token carries the scope.
/// A person's token never qualifies through a scope, whatever it asked for: people go by role.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowsScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
