namespace CaseManagement.Application.Common.Interfaces;

/// <summary>One signed-in session of a user: an authorization of the identity server and the tokens issued under it.</summary>
public sealed record UserSession(Guid Id, string? ClientName, DateTimeOffset CreatedAt);
