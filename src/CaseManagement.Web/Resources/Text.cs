namespace CaseManagement.Web.Resources;

/// <summary>The pages' texts: Text.resx in Romanian (the default), Text.en.resx in English.</summary>
public sealed class Text;
