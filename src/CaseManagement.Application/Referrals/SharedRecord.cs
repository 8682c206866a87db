namespace CaseManagement.Application.Referrals;

/// <summary>
/// What the receiving organisation may read of a referred person, after it accepts: the items the
/// sender chose (the others are null) and the sender's reason.
/// </summary>
public sealed record SharedRecord(
    string? FirstNameOrAlias,
    string? FullName,
    string? NationalId,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Address,
    string? Citizenship,
    string? Notes,
    string Reason);
