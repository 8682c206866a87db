namespace CaseManagement.Api.Formats;

/// <summary>One line of a release file.</summary>
internal sealed record ReleaseLine(string Section, string Row, string Column, string Value);
