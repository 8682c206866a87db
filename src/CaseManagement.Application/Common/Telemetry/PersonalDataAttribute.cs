using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Application.Common.Telemetry;

/// <summary>A personal value: erased from logs.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(DataTaxonomy.Personal);
