using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Facilities;
using CaseManagement.Domain.Services;

namespace CaseManagement.Domain.Tests;

public sealed class ServiceDetailTests
{
    private static readonly DateOnly Opened = new(2026, 3, 1);

    private static readonly RepatriationRoute Route = new("IT", "RO", PartnerKind.Embassy, "Ambasada", null, null, null);

    private static (Case Case, ServiceEpisode Episode) Episode(ServiceType type)
    {
        var c = new Case(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Opened, Guid.CreateVersion7());
        return (c, c.StartEpisode(Guid.CreateVersion7(), type, Opened));
    }

    [Fact]
    public void An_admission_moves_both_versions_and_ending_the_episode_discharges_it()
    {
        var (c, episode) = Episode(ServiceType.Residential);
        var facility = new Facility(Guid.CreateVersion7(), c.OrganisationId, "Casa", null, 1);
        var stay = new Admission(Guid.CreateVersion7(), c, episode.Id, facility, Opened.AddDays(2), currentResidents: 0);
        Assert.Equal(1, facility.Version);
        Assert.Equal(2, c.Version);
        Assert.Equal("episode.end-before-admission", Assert.Throws<DomainException>(() => c.EndEpisode(episode.Id, Opened.AddDays(1))).Code);
        c.EndEpisode(episode.Id, Opened.AddDays(5));
        Assert.Equal(Opened.AddDays(5), stay.DischargedOn);
    }

    [Fact]
    public void A_full_facility_and_one_below_its_residents_are_refused()
    {
        var (c, episode) = Episode(ServiceType.Residential);
        var facility = new Facility(Guid.CreateVersion7(), c.OrganisationId, "Casa", null, 2);
        Assert.Equal("facility.full", Assert.Throws<DomainException>(() => new Admission(Guid.CreateVersion7(), c, episode.Id, facility, Opened, currentResidents: 2)).Code);
        Assert.Equal("facility.below-occupancy", Assert.Throws<DomainException>(() => facility.Update("Casa", null, 1, true, currentResidents: 2)).Code);
        Assert.Equal("facility.places", Assert.Throws<DomainException>(() => facility.Update("Casa", null, 501, true, 0)).Code);
    }

    [Fact]
    public void Closing_the_case_discharges_on_the_later_of_the_closing_date_and_the_admission()
    {
        var (c, episode) = Episode(ServiceType.Residential);
        var facility = new Facility(Guid.CreateVersion7(), c.OrganisationId, "Casa", null, 3);
        var stay = new Admission(Guid.CreateVersion7(), c, episode.Id, facility, Opened.AddDays(10), 0);
        c.Close(ClosureReason.Other, null, Opened.AddDays(4));
        Assert.Equal(Opened.AddDays(10), stay.DischargedOn);
        Assert.Equal(Opened.AddDays(10), episode.EndDate);
    }

    [Fact]
    public void Details_go_only_on_an_ongoing_episode_of_their_type()
    {
        var (c, episode) = Episode(ServiceType.Counselling);
        Assert.Equal("service.wrong-type", Assert.Throws<DomainException>(() => new Attendance(Guid.CreateVersion7(), c, episode.Id, Opened, ActivityKind.Meals)).Code);
        var (dayCase, dayCentre) = Episode(ServiceType.DayCentre);
        dayCase.EndEpisode(dayCentre.Id, Opened.AddDays(1));
        Assert.Equal("episode.ended", Assert.Throws<DomainException>(() => new Attendance(Guid.CreateVersion7(), dayCase, dayCentre.Id, Opened, ActivityKind.Meals)).Code);
    }

    [Fact]
    public void A_repatriation_advances_one_step_at_a_time_and_returns_only_with_a_travel_date()
    {
        var (c, episode) = Episode(ServiceType.Repatriation);
        var repatriation = new Repatriation(Guid.CreateVersion7(), c, episode.Id, Route, Guid.CreateVersion7());
        Assert.Equal("repatriation.status-order", Assert.Throws<DomainException>(() => repatriation.Advance(c, RepatriationStatus.TravelArranged, Opened, null, Guid.CreateVersion7())).Code);
        repatriation.Advance(c, RepatriationStatus.DocumentsInProgress, Opened.AddDays(1), null, Guid.CreateVersion7());
        Assert.Equal("repatriation.status-date", Assert.Throws<DomainException>(() => repatriation.Advance(c, RepatriationStatus.TravelArranged, Opened, null, Guid.CreateVersion7())).Code);
        repatriation.Advance(c, RepatriationStatus.TravelArranged, Opened.AddDays(2), null, Guid.CreateVersion7());
        Assert.Equal("repatriation.travel-date-required", Assert.Throws<DomainException>(() => repatriation.Advance(c, RepatriationStatus.Returned, Opened.AddDays(3), null, Guid.CreateVersion7())).Code);
        repatriation.Advance(c, RepatriationStatus.Returned, Opened.AddDays(3), Opened.AddDays(3), Guid.CreateVersion7());
        Assert.Equal(RepatriationStatus.Returned, repatriation.Status);
        Assert.Equal(4, repatriation.History.Count);
        Assert.Equal("repatriation.same-country", Assert.Throws<DomainException>(() => repatriation.Update(c, Route with { ToCountry = "it", ActualTravelOn = Opened })).Code);
    }
}
