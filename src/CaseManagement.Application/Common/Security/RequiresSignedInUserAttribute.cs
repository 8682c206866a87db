namespace CaseManagement.Application.Common.Security;

/// <summary>
/// A message about the caller's own account (their sessions), open to every signed-in person
/// whatever their roles, and never to a machine client, which is no person.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresSignedInUserAttribute : Attribute;
