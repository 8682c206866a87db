using CaseManagement.Application.Common.Interfaces;
using FluentValidation;
using FluentValidation.Results;

namespace CaseManagement.Application.Administration;

internal static class InvitationDelivery
{
    /// <summary>With a mail server configured, links go only by e-mail: the administrator never holds one.</summary>
    public static void RequireAddressWhenMailing(this IIdentityAdministration identity, string? email, string field)
    {
        if (identity.SendsInvitationEmails && string.IsNullOrEmpty(email))
        {
            throw new ValidationException([new ValidationFailure(field, "Give the person's e-mail address: invitations go out by e-mail.")]);
        }
    }
}
