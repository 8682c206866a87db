namespace CaseManagement.Application.Common.Security;

/// <summary>The roles of the platform. Organisation roles belong to one NGO; platform roles see no personal data.</summary>
public static class Roles
{
    public const string SocialWorker = nameof(SocialWorker);
    public const string Lawyer = nameof(Lawyer);
    public const string Coordinator = nameof(Coordinator);
    public const string OrganisationAdmin = nameof(OrganisationAdmin);
    public const string Secretariat = nameof(Secretariat);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    public static readonly IReadOnlyList<string> OrganisationRoles = [SocialWorker, Lawyer, Coordinator, OrganisationAdmin];

    public static readonly IReadOnlyList<string> PlatformRoles = [Secretariat, PlatformAdmin];

    public static IReadOnlyList<string> All { get; } = [.. OrganisationRoles, .. PlatformRoles];

    /// <summary>
    /// The role that works a case: only its holders read and write case records, so only they may be
    /// a case's assigned worker or one of its counsellors.
    /// </summary>
    public const string CaseWorker = SocialWorker;

    /// <summary>Roles that can read personal data must sign in with a second factor (an administrator: the subject access export).</summary>
    public static bool ReadsPersonalData(string role) => role is SocialWorker or Lawyer or Coordinator or OrganisationAdmin;
}
