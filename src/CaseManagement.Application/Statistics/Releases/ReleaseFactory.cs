using System.Text.Json;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>Computes a period's figures, protects them, and makes the ledger entry that freezes them.</summary>
public sealed class ReleaseFactory(
    IStatisticsSource source, DisclosureControl control, IRequestFingerprints fingerprints, IContentDigest digest,
    IOptions<StatisticsOptions> options, TimeProvider clock)
{
    public int Threshold => options.Value.Threshold;

    public string RuleText => $"Counts from 1 to {Threshold - 1} are hidden, and so are the further cells needed to keep them from being worked out from totals; zero is shown. A hidden cell is null (JSON) or 'x' (CSV, XLSX).";

    /// <summary>The keyed fingerprint of the period's unsuppressed figures and of the rule applied to them.</summary>
    public async Task<(StatisticsInput Input, string Fingerprint)> ReadAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var input = await source.ReadAsync(period, null, cancellationToken);
        var canonical = JsonSerializer.Serialize(new
        {
            Threshold,
            Populations = input.Populations.OrderBy(p => p.Service).ThenBy(p => p.OrganisationId).ThenBy(p => p.Sex).ThenBy(p => p.AgeBand).ThenBy(p => p.Exploitation),
            input.PeopleReachedByCampaigns,
            Trained = input.Trained.OrderBy(t => t.Category),
            Organisations = input.Organisations.OrderBy(o => o.Id),
        });
        return (input, fingerprints.Of(canonical));
    }

    /// <summary>
    /// A new release of a closed period: revision 1, or the next after <paramref name="previous"/>,
    /// hiding what it hid and whatever moved by less than k since.
    /// </summary>
    public StatisticsRelease Freeze(StatisticsPeriod period, StatisticsInput input, string fingerprint, StatisticsRelease? previous)
    {
        var layout = ReleaseLayout.For(input, byOrganisation: true);
        var earlier = previous is null ? null : ReleaseJson.Deserialize(previous.Content);
        control.Apply(layout.Problem, Threshold,
            earlier is null ? [] : [.. layout.HiddenIn(earlier)],
            earlier is null ? [] : [.. layout.ChangedLittleSince(earlier, Threshold)]);
        var revision = (previous?.Revision ?? 0) + 1;
        var document = layout.ToDocument(period, revision, provisional: false, new SuppressionRule(Threshold, RuleText));
        var content = ReleaseJson.Serialize(document);
        return new StatisticsRelease(Guid.NewGuid(), period, revision, clock.GetUtcNow(), Threshold, epsilon: null,
            string.Join(',', document.Tables.Select(t => t.Name).Prepend("Annual")), content, digest.Sha256(content), fingerprint);
    }
}
