using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.LegalCases;

/// <summary>One step of a legal case's procedure: the stage reached, on which date, recorded by whom.</summary>
public sealed class LegalStageChange : IOrganisationOwned
{
    private LegalStageChange()
    {
    }

    internal LegalStageChange(Guid id, LegalCase legalCase, LegalStage stage, DateOnly date, Guid recordedBy)
    {
        Id = id;
        OrganisationId = legalCase.OrganisationId;
        LegalCaseId = legalCase.Id;
        Stage = stage;
        Date = date;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid LegalCaseId { get; private set; }

    public LegalStage Stage { get; private set; }

    public DateOnly Date { get; private set; }

    public Guid RecordedBy { get; private set; }
}
