using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consents.Commands.ReviseConsent;

/// <summary>
/// Records changed terms as the consent's next version. Terms that would no longer cover an open
/// referral made under the consent are refused: the person's choice to stop sharing is a withdrawal.
/// </summary>
[Audited(AuditActions.Update, "Consent")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ReviseConsentCommand(Guid BeneficiaryId, Guid ConsentId, int Number, ConsentInput Terms) : ICommand<ConsentDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ConsentId;
}

internal sealed class ReviseConsentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ReviseConsentCommand, ConsentDto>
{
    public async ValueTask<ConsentDto> Handle(ReviseConsentCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var terms = command.Terms.ToTerms();
        await db.EnsureValidAsync(organisation, command.BeneficiaryId, terms, cancellationToken);
        var current = await db.CurrentConsentAsync(command.BeneficiaryId, command.ConsentId, cancellationToken);
        if (current.Number != command.Number)
        {
            throw ConflictException.StaleVersion();
        }

        var next = current.Revise(Guid.CreateVersion7(), terms, clock.GetUtcNow(), user.RequireUserId());
        var today = CaseDates.Today(clock);
        var open = await db.Referrals.SentBy(organisation).RelyingOn(command.ConsentId).ToListAsync(cancellationToken);
        if (open.Any(r => !next.CoversReferral(r.RecipientOrganisationId, r.ServicesMask, r.Shared, today)))
        {
            throw new ConflictException("consent.in-use", "A referral relies on what these terms leave out; withdraw the consent instead.");
        }

        db.Consents.Add(next);
        return ConsentDto.From(next);
    }
}
