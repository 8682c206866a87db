using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Consents;
using Mediator;

namespace CaseManagement.Application.Consents.Commands.RecordConsent;

[Audited(AuditActions.Create, "Consent")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RecordConsentCommand(Guid BeneficiaryId, ConsentInput Terms) : ICommand<ConsentDto>;

internal sealed class RecordConsentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordConsentCommand, ConsentDto>
{
    public async ValueTask<ConsentDto> Handle(RecordConsentCommand command, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var terms = command.Terms.ToTerms();
        await db.EnsureValidAsync(organisation, command.BeneficiaryId, terms, cancellationToken);
        var consent = Consent.Record(Guid.CreateVersion7(), organisation, command.BeneficiaryId, terms, clock.GetUtcNow(), user.RequireUserId());
        db.Consents.Add(consent);
        return ConsentDto.From(consent);
    }
}
