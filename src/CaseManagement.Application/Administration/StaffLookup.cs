using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;

namespace CaseManagement.Application.Administration;

internal static class StaffLookup
{
    /// <summary>
    /// Another member of the caller's own organisation. Someone else's staff is "not found"; the
    /// caller themself is refused, because nobody changes their own roles or account.
    /// </summary>
    public static async Task<StaffMember> ColleagueAsync(this IIdentityAdministration identity, ICurrentUser user, Guid userId, CancellationToken cancellationToken)
    {
        var member = await identity.FindUserAsync(userId, cancellationToken);
        if (member is null || member.OrganisationId != user.RequireOrganisationId())
        {
            throw new NotFoundException("User", userId);
        }

        if (member.Id == user.RequireUserId())
        {
            throw new ForbiddenException("Nobody changes their own roles or account; ask another administrator.");
        }

        return member;
    }

    /// <summary>
    /// An active member of the caller's organisation who works cases, by id. Anyone else (a user of
    /// another organisation, a disabled account, another role, an unknown id) is "not found", so
    /// that the answer reveals nothing about other organisations' staff.
    /// </summary>
    public static Task<StaffMember> CaseWorkerAsync(this IIdentityAdministration identity, ICurrentUser user, Guid userId, CancellationToken cancellationToken) =>
        identity.ActiveMemberAsync(user, userId, Roles.CaseWorker, cancellationToken);

    /// <summary>An active lawyer of the caller's organisation, by id; anyone else is "not found", as for <see cref="CaseWorkerAsync"/>.</summary>
    public static Task<StaffMember> LawyerAsync(this IIdentityAdministration identity, ICurrentUser user, Guid userId, CancellationToken cancellationToken) =>
        identity.ActiveMemberAsync(user, userId, Roles.Lawyer, cancellationToken);

    private static async Task<StaffMember> ActiveMemberAsync(this IIdentityAdministration identity, ICurrentUser user, Guid userId, string role, CancellationToken cancellationToken)
    {
        var member = await identity.FindUserAsync(userId, cancellationToken);
        return member is { Disabled: false } && member.OrganisationId == user.RequireOrganisationId() && member.Roles.Contains(role)
            ? member
            : throw new NotFoundException("User", userId);
    }
}
