using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Services;

namespace CaseManagement.Domain.Tests;

public sealed class ServiceDetailsTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    private static (Case Case, ServiceEpisode Episode) NewEpisode(ServiceType type)
    {
        var c = new Case(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Start, Guid.CreateVersion7());
        return (c, c.StartEpisode(Guid.CreateVersion7(), type, Start));
    }

    private static DomainException Fails(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void Details_hang_only_off_an_ongoing_episode_of_their_type()
    {
        var (_, counselling) = NewEpisode(ServiceType.Counselling);
        Assert.Equal("service.wrong-type", Fails(() => _ = new ReintegrationGoal(Guid.CreateVersion7(), counselling, GoalArea.Housing, "Room", null)).Code);
        var (c, reintegration) = NewEpisode(ServiceType.Reintegration);
        Assert.Equal("service.wrong-type", Fails(() => _ = new CounsellingDetails(Guid.CreateVersion7(), reintegration, CounsellingKind.Vocational)).Code);
        c.EndEpisode(reintegration.Id, Start.AddDays(3));
        var ended = Fails(() => _ = new FollowUp(Guid.CreateVersion7(), reintegration, Start.AddDays(5), null));
        Assert.Equal(("episode.ended", DomainErrorKind.InvalidState), (ended.Code, ended.Kind));
    }

    [Fact]
    public void A_goal_moves_forward_and_a_final_status_stays()
    {
        var (_, episode) = NewEpisode(ServiceType.Reintegration);
        var goal = new ReintegrationGoal(Guid.CreateVersion7(), episode, GoalArea.Employment, "Work", Start.AddMonths(6));
        Assert.Equal((GoalStatus.Planned, Start), (goal.Status, goal.StatusOn));
        goal.ChangeStatus(episode, GoalStatus.InProgress, Start.AddDays(2));
        Assert.Equal("goal.status-order", Fails(() => goal.ChangeStatus(episode, GoalStatus.Planned, Start.AddDays(3))).Code);
        Assert.Equal("goal.status-date", Fails(() => goal.ChangeStatus(episode, GoalStatus.Achieved, Start.AddDays(1))).Code);
        goal.ChangeStatus(episode, GoalStatus.Abandoned, Start.AddDays(4));
        Assert.Equal("goal.final", Fails(() => goal.ChangeStatus(episode, GoalStatus.Achieved, Start.AddDays(5))).Code);
    }

    [Theory]
    [InlineData(LabourStepKind.Course, LabourStepOutcome.Completed, true)]
    [InlineData(LabourStepKind.Course, LabourStepOutcome.Obtained, false)]
    [InlineData(LabourStepKind.Qualification, LabourStepOutcome.NotObtained, true)]
    [InlineData(LabourStepKind.Qualification, LabourStepOutcome.Dropped, false)]
    [InlineData(LabourStepKind.JobPlacement, LabourStepOutcome.ContractEnded, true)]
    [InlineData(LabourStepKind.JobPlacement, LabourStepOutcome.Completed, false)]
    public void Each_outcome_belongs_to_one_kind_of_step(LabourStepKind kind, LabourStepOutcome outcome, bool fits) =>
        Assert.Equal(fits, LabourStep.Fits(kind, outcome));

    [Fact]
    public void A_placement_names_its_employer_and_may_end_after_being_held()
    {
        var (_, episode) = NewEpisode(ServiceType.Reintegration);
        Assert.Equal("labour-step.employer", Fails(() => _ = new LabourStep(Guid.CreateVersion7(), episode, LabourStepKind.JobPlacement, Start, "Cook", null)).Code);
        Assert.Equal("labour-step.employer", Fails(() => _ = new LabourStep(Guid.CreateVersion7(), episode, LabourStepKind.Course, Start, "Baking", "Bakery SRL")).Code);
        var job = new LabourStep(Guid.CreateVersion7(), episode, LabourStepKind.JobPlacement, Start, "Cook", "Bistro SRL");
        Assert.Equal("labour-step.outcome-kind", Fails(() => job.RecordOutcome(episode, LabourStepOutcome.Completed, Start)).Code);
        job.RecordOutcome(episode, LabourStepOutcome.StillEmployed, Start.AddDays(30));
        job.RecordOutcome(episode, LabourStepOutcome.LeftJob, Start.AddDays(60));
        Assert.Equal("labour-step.outcome-final", Fails(() => job.RecordOutcome(episode, LabourStepOutcome.StillEmployed, Start.AddDays(90))).Code);
    }

    [Fact]
    public void A_session_lasts_5_to_480_minutes_and_its_note_is_a_restricted_note_of_its_case()
    {
        var (c, episode) = NewEpisode(ServiceType.Counselling);
        var counsellor = Guid.CreateVersion7();
        Assert.Equal("session.duration", Fails(() => _ = new CounsellingSession(Guid.CreateVersion7(), episode, Start, 4, counsellor, null)).Code);
        Assert.Equal("session.duration", Fails(() => _ = new CounsellingSession(Guid.CreateVersion7(), episode, Start, 481, counsellor, null)).Code);
        var ordinary = new CaseNote(Guid.CreateVersion7(), c, counsellor, NoteSensitivity.Ordinary, "Seen", DateTimeOffset.UnixEpoch);
        Assert.Equal("session.note", Fails(() => _ = new CounsellingSession(Guid.CreateVersion7(), episode, Start, 50, counsellor, ordinary)).Code);
        var restricted = new CaseNote(Guid.CreateVersion7(), c, counsellor, NoteSensitivity.Restricted, "Heard", DateTimeOffset.UnixEpoch);
        Assert.Equal(restricted.Id, new CounsellingSession(Guid.CreateVersion7(), episode, Start, 50, counsellor, restricted).NoteId);
    }

    [Fact]
    public void A_follow_up_is_done_once()
    {
        var (_, episode) = NewEpisode(ServiceType.Reintegration);
        var followUp = new FollowUp(Guid.CreateVersion7(), episode, Start.AddDays(30), "Check the job");
        followUp.MarkDone(episode, Start.AddDays(29), null);
        Assert.Equal("follow-up.done", Fails(() => followUp.MarkDone(episode, Start.AddDays(30), "again")).Code);
    }
}
