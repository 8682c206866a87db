using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Tests;

public sealed class CaseTests
{
    private static readonly DateOnly Opened = new(2026, 3, 1);

    private static Case NewCase(Guid? worker = null) => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Opened, worker);

    [Fact]
    public void A_new_case_without_a_worker_is_new_and_becomes_active_when_assigned()
    {
        var c = NewCase();
        Assert.Equal(CaseStatus.New, c.Status);
        c.Assign(Guid.CreateVersion7());
        Assert.Equal(CaseStatus.Active, c.Status);
        Assert.Equal(1, c.Version);
    }

    [Fact]
    public void A_case_opened_with_a_worker_starts_active_at_version_zero()
    {
        var c = NewCase(Guid.CreateVersion7());
        Assert.Equal(CaseStatus.Active, c.Status);
        Assert.Equal(0, c.Version);
        var episode = c.StartEpisode(Guid.CreateVersion7(), ServiceType.DayCentre, Opened);
        c.EndEpisode(episode.Id, Opened.AddDays(2));
        _ = new CaseNote(Guid.CreateVersion7(), c, Guid.CreateVersion7(), NoteSensitivity.Ordinary, "note", DateTimeOffset.UnixEpoch);
        Assert.Equal(3, c.Version); // services and notes move the case's version: the case row is their lock
    }

    [Fact]
    public void Starting_a_service_activates_the_case()
    {
        var c = NewCase();
        var episode = c.StartEpisode(Guid.CreateVersion7(), ServiceType.Residential, Opened);
        Assert.Equal(CaseStatus.Active, c.Status);
        Assert.Equal(EpisodeStatus.Ongoing, episode.Status);
        Assert.Equal(c.OrganisationId, episode.OrganisationId);
    }

    [Fact]
    public void No_episode_can_start_on_a_closed_case()
    {
        var c = NewCase();
        c.Close(ClosureReason.GoalsAchieved, null, Opened.AddDays(3));
        var error = Assert.Throws<DomainException>(() => c.StartEpisode(Guid.CreateVersion7(), ServiceType.Counselling, Opened.AddDays(4)));
        Assert.Equal(DomainErrorKind.InvalidState, error.Kind);
        Assert.Equal("case.closed", error.Code);
    }

    [Fact]
    public void An_episode_cannot_end_before_it_starts()
    {
        var c = NewCase();
        var episode = c.StartEpisode(Guid.CreateVersion7(), ServiceType.DayCentre, Opened.AddDays(10));
        var error = Assert.Throws<DomainException>(() => c.EndEpisode(episode.Id, Opened.AddDays(9)));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(EpisodeStatus.Ongoing, episode.Status);
    }

    [Fact]
    public void An_episode_may_end_on_its_start_day_but_only_once()
    {
        var c = NewCase();
        var episode = c.StartEpisode(Guid.CreateVersion7(), ServiceType.Repatriation, Opened);
        c.EndEpisode(episode.Id, Opened);
        Assert.Equal(Opened, episode.EndDate);
        Assert.Throws<DomainException>(() => c.EndEpisode(episode.Id, Opened.AddDays(1)));
    }

    [Fact]
    public void A_service_cannot_start_before_the_case_opened()
    {
        var c = NewCase();
        Assert.Throws<DomainException>(() => c.StartEpisode(Guid.CreateVersion7(), ServiceType.Reintegration, Opened.AddDays(-1)));
    }

    [Fact]
    public void Closing_needs_a_defined_reason_and_ends_ongoing_services()
    {
        var c = NewCase();
        var episode = c.StartEpisode(Guid.CreateVersion7(), ServiceType.Counselling, Opened);
        Assert.Throws<DomainException>(() => c.Close((ClosureReason)0, null, Opened.AddDays(5)));
        Assert.Equal(CaseStatus.Active, c.Status);

        c.Close(ClosureReason.ReferredElsewhere, "moved to another NGO", Opened.AddDays(5));
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(ClosureReason.ReferredElsewhere, c.ClosureReason);
        Assert.Equal(Opened.AddDays(5), episode.EndDate);
    }

    [Fact]
    public void A_case_cannot_close_before_it_opened_or_twice()
    {
        var c = NewCase();
        Assert.Throws<DomainException>(() => c.Close(ClosureReason.Other, null, Opened.AddDays(-1)));
        c.Close(ClosureReason.Other, null, Opened);
        Assert.Throws<DomainException>(() => c.Close(ClosureReason.Other, null, Opened));
    }

    [Fact]
    public void A_closed_case_can_be_reopened_and_forgets_its_closure()
    {
        var c = NewCase(Guid.CreateVersion7());
        c.Close(ClosureReason.LostContact, "no answer", Opened.AddDays(30));
        c.Reopen();
        Assert.Equal(CaseStatus.Active, c.Status);
        Assert.Null(c.ClosureReason);
        Assert.Null(c.ClosureNote);
        Assert.Null(c.ClosedOn);
        c.StartEpisode(Guid.CreateVersion7(), ServiceType.Counselling, Opened.AddDays(31));
    }

    [Fact]
    public void Only_a_closed_case_can_be_reopened()
    {
        var error = Assert.Throws<DomainException>(() => NewCase().Reopen());
        Assert.Equal(DomainErrorKind.InvalidState, error.Kind);
    }

    [Fact]
    public void A_note_cannot_be_added_to_a_closed_case_and_restricted_notes_are_for_their_author_and_counsellors()
    {
        var author = Guid.CreateVersion7();
        var c = NewCase();
        var note = new CaseNote(Guid.CreateVersion7(), c, author, NoteSensitivity.Restricted, "session notes", DateTimeOffset.UnixEpoch);
        var counsellor = Guid.CreateVersion7();
        Assert.True(note.IsVisibleTo(author, []));
        Assert.True(note.IsVisibleTo(counsellor, [counsellor]));
        Assert.False(note.IsVisibleTo(Guid.CreateVersion7(), [counsellor]));

        c.Close(ClosureReason.GoalsAchieved, null, Opened);
        Assert.Throws<DomainException>(() => new CaseNote(Guid.CreateVersion7(), c, author, NoteSensitivity.Ordinary, "late", DateTimeOffset.UnixEpoch));
    }
}
