using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Application.Common.Telemetry;

/// <summary>A secret: erased from logs.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretDataAttribute() : DataClassificationAttribute(DataTaxonomy.Secret);
