namespace CaseManagement.Application.Administration;

/// <summary>An organisation's retention period: years after a person's last case closed; null while undecided (nothing is anonymised).</summary>
public sealed record RetentionSettingsDto(int? YearsAfterClosure);
