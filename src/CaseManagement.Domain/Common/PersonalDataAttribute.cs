namespace CaseManagement.Domain.Common;

/// <summary>
/// Marks a property as personal data. The persistence layer encrypts every property so marked
/// before it reaches the database; it is declared here, once, so no handler can forget it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute
{
    /// <summary>Free text (notes, addresses) whose length says something: padded to a size bucket before it is sealed.</summary>
    public bool FreeText { get; init; }
}
