namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A registered machine client: its id, name and scopes, and the thumbprint of its key (null: it holds a secret).</summary>
public sealed record MachineClient(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string? KeyThumbprint);
