namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Who may send a message. Every message sent over HTTP must carry one: the authorization
/// behaviour refuses messages without it (deny by default).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
