namespace CaseManagement.Application.Common.Security;

/// <summary>Claim types in access tokens (OpenID Connect names).</summary>
public static class CaseManagementClaims
{
    public const string Subject = "sub";
    public const string Organisation = "org";
    public const string Role = "role";
    public const string Name = "name";
}
