namespace CaseManagement.Application.LegalCases;

/// <summary>Settings of the legal-case module, bound from the <c>LegalCases</c> section.</summary>
public sealed class LegalCaseOptions
{
    public const string Section = "LegalCases";

    /// <summary>The longest offence category code the database keeps.</summary>
    public const int MaxCodeLength = 60;

    /// <summary>Used when the configuration lists no category (a configured list replaces it, it does not extend it).</summary>
    public static readonly IReadOnlyList<string> DefaultOffenceCategories =
        ["TraffickingInPersons", "TraffickingInMinors", "Pimping", "ForcedLabour", "ChildPornography", "Other"];

    /// <summary>The offence category codes a legal case may take.</summary>
    public IReadOnlyList<string> OffenceCategories { get; set; } = [];
}
