using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using FluentValidation;
using FluentValidation.Results;

namespace CaseManagement.Application.Administration;

internal static class InvitationDelivery
{
    /// <summary>
    /// A new account under a free user name, and its invitation; what creating staff, platform staff
    /// and an organisation's first administrator share.
    /// </summary>
    public static async Task<InvitedStaffMember> InviteNewAsync(
        this IIdentityAdministration identity, Guid? organisationId, string userName, IReadOnlyList<string> roles, string? email, string emailField,
        CancellationToken cancellationToken)
    {
        identity.RequireAddressWhenMailing(email, emailField);
        if (await identity.UserNameTakenAsync(userName, cancellationToken))
        {
            throw new ConflictException("user.name-taken", "That user name is taken.");
        }

        return await identity.CreateUserAsync(organisationId, userName, roles, email, cancellationToken);
    }

    /// <summary>With a mail server configured, links go only by e-mail: the administrator never holds one.</summary>
    private static void RequireAddressWhenMailing(this IIdentityAdministration identity, string? email, string field)
    {
        if (identity.SendsInvitationEmails && string.IsNullOrEmpty(email))
        {
            throw new ValidationException([new ValidationFailure(field, "Give the person's e-mail address: invitations go out by e-mail.")]);
        }
    }
}
