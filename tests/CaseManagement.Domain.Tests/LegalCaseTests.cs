using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Domain.Tests;

public sealed class LegalCaseTests
{
    private static readonly DateOnly Opened = new(2026, 3, 1);

    private static readonly Case TheCase = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Opened, Guid.CreateVersion7());

    private static LegalCaseDetails Details(CivilClaim? claim = null, params ProtectiveMeasure[] measures) =>
        new(VenueKind.Court, "Tribunalul", "1/2/2026", "Pimping", ProceduralRole.Witness, measures, claim ?? CivilClaim.None);

    private static LegalCase NewLegalCase(LegalCaseDetails? details = null, ServiceEpisode? episode = null) =>
        new(Guid.CreateVersion7(), TheCase, episode, Guid.CreateVersion7(), details ?? Details(), (Guid.CreateVersion7(), LegalStage.Complaint), Opened);

    [Fact]
    public void Opening_records_the_first_stage_and_measures_round_trip_as_a_set()
    {
        var legal = NewLegalCase(Details(null, ProtectiveMeasure.RestrainingOrder, ProtectiveMeasure.ProtectedIdentity));
        var change = Assert.Single(legal.StageChanges);
        Assert.Equal((LegalStage.Complaint, Opened), (change.Stage, change.Date));
        Assert.Equal([ProtectiveMeasure.ProtectedIdentity, ProtectiveMeasure.RestrainingOrder], legal.ProtectiveMeasures);
        Assert.Equal(TheCase.OrganisationId, legal.OrganisationId);
    }

    [Fact]
    public void Stages_move_forward_may_skip_and_do_not_date_back()
    {
        var legal = NewLegalCase();
        legal.ChangeStage(Guid.CreateVersion7(), LegalStage.Indictment, Opened.AddDays(10), Guid.CreateVersion7());
        Assert.Equal(LegalStage.Indictment, legal.Stage);
        Assert.Equal(1, legal.Version);
        Assert.Equal("legal.stage-order", Assert.Throws<DomainException>(() => legal.ChangeStage(Guid.CreateVersion7(), LegalStage.Indictment, Opened.AddDays(11), Guid.Empty)).Code);
        Assert.Equal("legal.stage-order", Assert.Throws<DomainException>(() => legal.ChangeStage(Guid.CreateVersion7(), LegalStage.Complaint, Opened.AddDays(11), Guid.Empty)).Code);
        var early = Assert.Throws<DomainException>(() => legal.ChangeStage(Guid.CreateVersion7(), LegalStage.Appeal, Opened.AddDays(9), Guid.Empty));
        Assert.Equal(DomainErrorKind.InvalidArgument, early.Kind);
        Assert.Equal(2, legal.StageChanges.Count);
    }

    [Fact]
    public void A_civil_claim_is_not_negative_has_a_currency_and_pays_no_more_than_awarded()
    {
        Assert.Equal("legal.claim-negative", Assert.Throws<DomainException>(() => NewLegalCase(Details(new CivilClaim(-1, null, null, "EUR")))).Code);
        Assert.Equal("legal.claim-currency", Assert.Throws<DomainException>(() => NewLegalCase(Details(new CivilClaim(10, null, null, null)))).Code);
        Assert.Equal("legal.claim-paid", Assert.Throws<DomainException>(() => NewLegalCase(Details(new CivilClaim(10, 5, 6, "RON")))).Code);
        Assert.Equal(6m, NewLegalCase(Details(new CivilClaim(10, null, 6, "RON"))).AmountPaid);
    }

    [Fact]
    public void Only_an_episode_of_criminal_procedure_assistance_of_the_same_case_links()
    {
        var c = new Case(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Opened, Guid.CreateVersion7());
        var residential = c.StartEpisode(Guid.CreateVersion7(), ServiceType.Residential, Opened);
        var assistance = c.StartEpisode(Guid.CreateVersion7(), ServiceType.CriminalProcedureAssistance, Opened);
        var wrongType = Assert.Throws<DomainException>(() => new LegalCase(Guid.CreateVersion7(), c, residential, Guid.CreateVersion7(), Details(), (Guid.CreateVersion7(), LegalStage.Complaint), Opened));
        Assert.Equal((DomainErrorKind.InvalidState, "legal.episode-type"), (wrongType.Kind, wrongType.Code));
        Assert.Equal("legal.episode-case", Assert.Throws<DomainException>(() => NewLegalCase(episode: assistance)).Code);
        Assert.Equal(assistance.Id, new LegalCase(Guid.CreateVersion7(), c, assistance, Guid.CreateVersion7(), Details(), (Guid.CreateVersion7(), LegalStage.Complaint), Opened).ServiceEpisodeId);
    }

    [Fact]
    public void A_hearing_gets_one_outcome_after_it_took_place_and_the_next_one_follows_it()
    {
        var legal = NewLegalCase();
        var at = new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.FromHours(3));
        var hearing = new Hearing(Guid.CreateVersion7(), legal, at, "Judecătoria", null);
        Assert.Equal(TimeSpan.Zero, hearing.ScheduledAt.Offset);
        Assert.Equal("hearing.not-held", Assert.Throws<DomainException>(() => hearing.RecordOutcome("x", at.AddMinutes(-1))).Code);
        hearing.RecordOutcome("Amânat", at.AddHours(2));
        Assert.Equal("hearing.outcome-recorded", Assert.Throws<DomainException>(() => hearing.RecordOutcome("again", at.AddHours(3))).Code);
        Assert.Equal("hearing.next-before", Assert.Throws<DomainException>(() => hearing.ScheduleNext(Guid.CreateVersion7(), legal, at, null)).Code);
        var next = hearing.ScheduleNext(Guid.CreateVersion7(), legal, at.AddDays(30), "Martori");
        Assert.Equal(("Judecătoria", (DateTimeOffset?)null), (next.Court, next.OutcomeRecordedAt));
    }
}
