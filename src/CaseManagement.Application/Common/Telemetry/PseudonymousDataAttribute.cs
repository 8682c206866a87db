using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Application.Common.Telemetry;

/// <summary>A user or organisation id: logged as a keyed pseudonym.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PseudonymousDataAttribute() : DataClassificationAttribute(DataTaxonomy.Pseudonymous);
