using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>Beneficiaries of one service in the period (null: suppressed).</summary>
public sealed record ServiceFigure(ServiceType Service, long? Beneficiaries);
