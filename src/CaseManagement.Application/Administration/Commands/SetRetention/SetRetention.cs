using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Administration.Commands.SetRetention;

/// <summary>
/// An organisation administrator sets how long the organisation keeps a person's data after their
/// last case closed (GDPR art. 5(1)(e)); the daily job anonymises whoever is past it. Null stops it.
/// </summary>
[Audited(AuditActions.Update, "Organisation.Retention")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record SetRetentionCommand(int? YearsAfterClosure) : ICommand<RetentionSettingsDto>;

internal sealed class SetRetentionHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<SetRetentionCommand, RetentionSettingsDto>
{
    public async ValueTask<RetentionSettingsDto> Handle(SetRetentionCommand command, CancellationToken cancellationToken)
    {
        var id = user.RequireOrganisationId();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id, cancellationToken);
        organisation.SetRetention(command.YearsAfterClosure);
        return new RetentionSettingsDto(organisation.RetentionYearsAfterClosure);
    }
}
