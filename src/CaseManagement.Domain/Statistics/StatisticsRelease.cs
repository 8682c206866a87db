using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Statistics;

/// <summary>
/// One entry of the release ledger: a frozen, published set of tables for one closed period. It is
/// never changed: later records for the period make a new revision. It holds counts only, already
/// suppressed, so it is stored in clear; the unsuppressed figures it came from are kept only as a
/// keyed fingerprint, to notice when they change.
/// </summary>
public sealed class StatisticsRelease
{
    private StatisticsRelease()
    {
        Period = string.Empty;
        Tables = string.Empty;
        ContentHash = string.Empty;
        SourceFingerprint = string.Empty;
        Content = [];
    }

    public StatisticsRelease(Guid id, StatisticsPeriod period, int revision, DateTimeOffset frozenAt, int threshold, double? epsilon,
        string tables, byte[] content, string contentHash, string sourceFingerprint)
        : this()
    {
        if (revision < 1)
        {
            throw DomainException.Argument("release.revision", "Revisions are numbered from 1.");
        }

        Id = id;
        Period = period.ToString();
        PeriodEnd = period.End;
        Revision = revision;
        FrozenAt = frozenAt;
        Threshold = threshold;
        Epsilon = epsilon;
        Tables = tables;
        Content = content;
        ContentHash = contentHash;
        SourceFingerprint = sourceFingerprint;
    }

    public Guid Id { get; private set; }

    /// <summary>The period's name: "2025", "2025-Q3" or "2025-07".</summary>
    public string Period { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public int Revision { get; private set; }

    public DateTimeOffset FrozenAt { get; private set; }

    /// <summary>The suppression threshold k that was applied.</summary>
    public int Threshold { get; private set; }

    /// <summary>The privacy-loss parameter spent on this release's noise, or null when none was added.</summary>
    public double? Epsilon { get; private set; }

    /// <summary>The names of the tables in the release, comma-separated.</summary>
    public string Tables { get; private set; }

    /// <summary>The release as published (canonical JSON); every format is rendered from it.</summary>
    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex.</summary>
    public string ContentHash { get; private set; }

    /// <summary>A keyed fingerprint of the unsuppressed figures, to tell when a revision is due.</summary>
    public string SourceFingerprint { get; private set; }

    /// <summary>
    /// Each member's share of every cell, sealed: what a member can take out of a figure, which its
    /// later revisions must account for. Null on a noisy release, where nobody knows a share of the noise.
    /// </summary>
    public byte[]? SealedShares { get; private set; }

    public void KeepShares(byte[] sealedShares) => SealedShares = sealedShares;
}
