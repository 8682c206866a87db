using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Statistics.Releases;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Commands.ObtainRelease;

/// <summary>
/// A closed period's release: the latest revision, or the one asked for. The first request after a
/// period closes freezes revision 1 if the job has not yet; from then on the same request gets the
/// same bytes until a new revision is frozen. An open period has no release: its figures are still moving.
/// </summary>
[Audited(AuditActions.Read, "StatisticsRelease")]
[RequiresRole(Roles.Secretariat)]
[AllowsScope(MachineScopes.StatisticsRead)]
public sealed record ObtainReleaseCommand(string Period, int? Revision) : ICommand<ReleaseFile>;

internal sealed class ObtainReleaseHandler(IApplicationDbContext db, ReleaseFactory releases, IOptions<StatisticsOptions> options, TimeProvider clock)
    : ICommandHandler<ObtainReleaseCommand, ReleaseFile>
{
    public async ValueTask<ReleaseFile> Handle(ObtainReleaseCommand command, CancellationToken cancellationToken)
    {
        var period = PeriodRules.Parse(command.Period);
        var today = CaseDates.Today(clock);
        if (!period.IsClosedOn(today))
        {
            throw new ConflictException("statistics.period-open", "The period has not closed yet; its release is frozen after its last day.");
        }

        if (!options.Value.IsSettled(period, today))
        {
            throw new ConflictException("statistics.period-settling", $"The period closed less than {options.Value.FreezeAfterDays} days ago; its release is frozen once late records are in.");
        }

        var name = period.ToString();
        var ledger = db.StatisticsReleases.AsNoTracking().Where(r => r.Period == name);
        var release = command.Revision is { } revision
            ? await ledger.SingleOrDefaultAsync(r => r.Revision == revision, cancellationToken) ?? throw new NotFoundException("StatisticsRelease", $"{name} revision {revision}")
            : await ledger.OrderByDescending(r => r.Revision).FirstOrDefaultAsync(cancellationToken);
        if (release is null)
        {
            var (input, fingerprint) = await releases.ReadAsync(period, cancellationToken);
            release = releases.Freeze(period, input, fingerprint, earlier: []);
            db.StatisticsReleases.Add(release);
            await releases.RecordAsync(release, cancellationToken);
        }

        return new ReleaseFile(release.Id, release.Period, release.Revision, release.Content, release.ContentHash);
    }
}
