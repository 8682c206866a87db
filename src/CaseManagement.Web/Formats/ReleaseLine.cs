namespace CaseManagement.Web.Formats;

/// <summary>One line of a release file.</summary>
public sealed record ReleaseLine(string Section, string Row, string Column, string Value);
