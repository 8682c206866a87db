using System.Globalization;
using System.Text.Json;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Statistics.Disclosure;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>Computes a period's figures, protects them, and makes the ledger entry that freezes them.</summary>
public sealed class ReleaseFactory(
    IStatisticsSource source, DisclosureControl control, IRequestFingerprints fingerprints, IContentDigest digest, INoiseSource noise, IReleaseShareSeal seal, IAuditTrail trail, ICurrentUser user,
    IOptions<StatisticsOptions> options, TimeProvider clock)
{
    /// <summary>
    /// How many noisy figures one beneficiary record can change by one: per service it had, the
    /// service's total and one cell in each of the four breakdowns; then the total assisted and the
    /// deduplicated total. The sensitivity the noise is scaled to; a person with records at several
    /// organisations changes more (docs/statistics.md).
    /// </summary>
    public static readonly int Sensitivity = (Enum.GetValues<ServiceType>().Length * 5) + 2;

    public int Threshold => options.Value.Threshold;

    public double? Epsilon => options.Value.Epsilon;

    public string RuleText => (Epsilon is { } epsilon
            ? $"Discrete Laplace noise (differential privacy, epsilon {epsilon.ToString(CultureInfo.InvariantCulture)}, sensitivity {Sensitivity}) was added to each service's total, to both totals assisted and to every cell of each breakdown; each breakdown row was then fitted to its service's total (the closest counts of zero or more), and subtotals and margins were added up from them. "
            : string.Empty)
        + $"Counts from 1 to {Threshold - 1} are hidden, and so are the further cells needed to keep them from being worked out from totals, by anyone or by any member organisation from its own figures; zero is shown. A hidden cell is null (JSON) or 'x' (CSV, XLSX).";

    /// <summary>Whether the period's privacy budget still covers one more noisy release, given what its releases spent.</summary>
    public bool WithinBudget(IEnumerable<double?> spent) =>
        Epsilon is not { } epsilon || spent.Sum(e => e ?? 0) + epsilon <= options.Value.EpsilonBudgetPerPeriod + 1e-9;

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
            input.DeduplicatedAssisted,
        });
        return (input, fingerprints.Of(canonical));
    }

    /// <summary>
    /// A new release of a closed period: revision 1, or the next after the <paramref name="earlier"/>
    /// revisions, hiding what any of them hid and whatever moved by 1 to k−1 since any of them, as
    /// an outsider or as a member that takes its own people out sees it. Its id is the first 128 bits
    /// of its content's SHA-256 (see <see cref="RecordAsync"/>).
    /// </summary>
    public StatisticsRelease Freeze(StatisticsPeriod period, StatisticsInput input, string fingerprint, IReadOnlyList<StatisticsRelease> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var layout = ReleaseLayout.For(input, byOrganisation: true);
        if (Epsilon is { } epsilon)
        {
            layout.AddNoise(noise, Sensitivity / epsilon);
        }

        var hidden = new List<int>(layout.RevealingOverlap(Threshold, revision: earlier.Count > 0));
        foreach (var release in earlier)
        {
            var document = ReleaseJson.Deserialize(release.Content);
            hidden.AddRange(layout.HiddenIn(document).Concat(layout.ChangedLittleSince(document, Threshold)));
            if (release.Epsilon is null)
            {
                // Shares missing, sealed under another key or of another version: every cell that release showed is hidden.
                var shares = release.SealedShares is { } sealedShares ? ReleaseShares.Decode(seal.Open(release.Id, sealedShares)) : null;
                hidden.AddRange(layout.ChangedLittleForAMember(document, shares, Threshold));
            }
        }

        control.Apply(layout.Problem, Threshold, hidden);
        var revision = earlier.Select(r => r.Revision).DefaultIfEmpty(0).Max() + 1;
        var published = layout.ToDocument(period, revision, provisional: false, new SuppressionRule(Threshold, RuleText));
        var content = ReleaseJson.Serialize(published);
        var hash = digest.Sha256(content);
        var frozen = new StatisticsRelease(IdOf(hash), period, revision, clock.GetUtcNow(), Threshold, Epsilon,
            string.Join(',', published.Tables.Select(t => t.Name).Prepend("Annual")), content, hash, fingerprint);
        if (Epsilon is null)
        {
            frozen.KeepShares(seal.Seal(frozen.Id, layout.EncodeShares()));
        }

        return frozen;
    }

    /// <summary>
    /// Appends a freeze to the platform's audit chain, under the release's id: the tamper-evident chain
    /// then commits to every release's bytes, so none can be changed or removed from the ledger unseen.
    /// Called just before the command commits, so that the chain's head is locked only briefly.
    /// </summary>
    public Task RecordAsync(StatisticsRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        return trail.AppendAsync(new AuditRecord(null, user.UserId, user.ClientId, AuditActions.Freeze, nameof(StatisticsRelease), release.Id, AuditOutcomes.Success), cancellationToken);
    }

    /// <summary>A release's id: the first 128 bits of the hex SHA-256 of its content.</summary>
    public static Guid IdOf(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        return Guid.ParseExact(contentHash[..32], "N");
    }
}
