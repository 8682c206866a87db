using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.SaveRepatriation;

/// <summary>Records a repatriation episode's route, partner and travel dates; changing them later names the version read.</summary>
[Audited(AuditActions.Update, "Case.Repatriation")]
[RequiresRole(Roles.SocialWorker)]
public sealed record SaveRepatriationCommand(
    Guid CaseId,
    Guid EpisodeId,
    int? Version,
    string FromCountry,
    string ToCountry,
    PartnerKind? PartnerKind,
    string PartnerName,
    string? PartnerContact,
    DateOnly? PlannedTravelOn,
    DateOnly? ActualTravelOn) : ICommand<RepatriationDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class SaveRepatriationHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<SaveRepatriationCommand, RepatriationDto>
{
    public async ValueTask<RepatriationDto> Handle(SaveRepatriationCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        var route = new RepatriationRoute(command.FromCountry, command.ToCountry, command.PartnerKind!.Value, command.PartnerName.Trim(),
            TextRules.TrimmedOrNull(command.PartnerContact), command.PlannedTravelOn, command.ActualTravelOn);
        var existing = await db.Repatriations.Include(r => r.History).SingleOrDefaultAsync(r => r.EpisodeId == command.EpisodeId, cancellationToken);
        if (existing is null)
        {
            var created = new Repatriation(Guid.CreateVersion7(), found, command.EpisodeId, route, Guid.CreateVersion7());
            db.Repatriations.Add(created);
            return RepatriationDto.From(created);
        }

        // Changing recorded details without naming the version read could overwrite a colleague's change.
        db.ExpectVersion(existing, command.Version ?? throw ConflictException.StaleVersion());
        existing.Update(found, route);
        return RepatriationDto.From(existing);
    }
}
