using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Application.Common.Telemetry;

/// <summary>
/// What a logged value is, so the host's redactors can treat it (docs/telemetry.md): personal values
/// and secrets are erased; ids are replaced by keyed pseudonyms, stable across lines but not joinable
/// to the database without the master key.
/// </summary>
public static class DataTaxonomy
{
    public const string Name = "CaseManagement";

    /// <summary>Anything about a person: names, ids of documents, phones, addresses, notes.</summary>
    public static DataClassification Personal { get; } = new(Name, nameof(Personal));

    /// <summary>Tokens, passwords, codes, keys, invitation links.</summary>
    public static DataClassification Secret { get; } = new(Name, nameof(Secret));

    /// <summary>User and organisation ids: useful to follow one actor through the logs, never to look them up.</summary>
    public static DataClassification Pseudonymous { get; } = new(Name, nameof(Pseudonymous));
}
