namespace CaseManagement.Application.LegalCases;

/// <summary>A hearing with its outcome, and the next hearing the court set there, if any.</summary>
public sealed record HearingOutcomeDto(HearingDto Hearing, HearingDto? NextHearing);
