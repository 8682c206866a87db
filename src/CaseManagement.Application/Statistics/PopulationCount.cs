using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Statistics;

/// <summary>
/// How many distinct beneficiaries of one organisation, with one combination of statistical
/// attributes, had an episode of <see cref="Service"/> (null: of any service) overlapping the period.
/// A beneficiary has one value of each attribute, so these groups add up to any coarser count.
/// </summary>
public sealed record PopulationCount(ServiceType? Service, Guid OrganisationId, Sex Sex, AgeBand AgeBand, ExploitationTypes Exploitation, long People);
