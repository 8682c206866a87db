using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests;

public sealed class ReferralTests
{
    private static readonly DateTimeOffset Made = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Sender = Guid.CreateVersion7();
    private static readonly Guid Receiver = Guid.CreateVersion7();

    private static Referral NewReferral() => new(Guid.CreateVersion7(), Sender, Receiver, Guid.CreateVersion7(), Guid.CreateVersion7(),
        new ReferralSummary(ServiceTypeSet.ToMask([ServiceType.Residential]), ReferralUrgency.Urgent, Sex.Female, AgeBand.From18To25), ReferralData.FullName, Made, Made.AddDays(14));

    public static TheoryData<string, string> Refused => new()
    {
        { "accept", "accept" }, { "accept", "decline" }, { "accept", "withdraw" }, { "accept", "expire" },
        { "decline", "accept" }, { "decline", "complete" }, { "withdraw", "accept" }, { "withdraw", "decline" },
        { "expire", "accept" }, { "expire", "withdraw" }, { "accept,complete", "complete" }, { "accept,complete", "accept" }, { "none", "complete" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_step_out_of_order_is_refused_and_changes_nothing(string first, string second)
    {
        var referral = NewReferral();
        foreach (var step in first.Split(','))
        {
            Step(referral, step);
        }

        var (status, version) = (referral.Status, referral.Version);
        Assert.Equal("referral.status", Assert.Throws<DomainException>(() => Step(referral, second)).Code);
        Assert.Equal((status, version), (referral.Status, referral.Version));
    }

    [Fact]
    public void The_minimum_is_always_shared_and_a_referral_to_itself_or_for_no_service_is_refused()
    {
        Assert.Equal(ReferralData.FirstNameOrAlias | ReferralData.FullName, NewReferral().Shared);
        var summary = new ReferralSummary(ServiceTypeSet.ToMask([ServiceType.Counselling]), ReferralUrgency.Routine, Sex.Male, AgeBand.Over50);
        Assert.Equal("referral.self", Assert.Throws<DomainException>(() => new Referral(Guid.CreateVersion7(), Sender, Sender, Guid.CreateVersion7(), Guid.CreateVersion7(), summary, ReferralData.None, Made, Made.AddDays(1))).Code);
        Assert.Equal("referral.services", Assert.Throws<DomainException>(() => new Referral(Guid.CreateVersion7(), Sender, Receiver, Guid.CreateVersion7(), Guid.CreateVersion7(), summary with { ServicesMask = 0 }, ReferralData.None, Made, Made.AddDays(1))).Code);
    }

    [Fact]
    public void A_referral_expires_only_once_its_period_has_run_out_and_updates_follow_acceptance_while_consent_holds()
    {
        var referral = NewReferral();
        Assert.Equal("referral.not-due", Assert.Throws<DomainException>(() => referral.Expire(Made.AddDays(13))).Code);
        Assert.Equal("referral.not-accepted", Assert.Throws<DomainException>(() => referral.PostUpdate(Guid.CreateVersion7(), ReferralUpdateKind.BeneficiaryLeft, null, DateOnly.FromDateTime(Made.UtcDateTime), Made)).Code);
        referral.Accept(Made.AddDays(1), Guid.CreateVersion7(), beneficiaryCreated: true, Guid.CreateVersion7());
        var day = DateOnly.FromDateTime(Made.AddDays(2).UtcDateTime);
        Assert.Equal("referral.update-service", Assert.Throws<DomainException>(() => referral.PostUpdate(Guid.CreateVersion7(), ReferralUpdateKind.ServiceStarted, null, day, Made.AddDays(2))).Code);
        Assert.Equal("referral.update-date", Assert.Throws<DomainException>(() => referral.PostUpdate(Guid.CreateVersion7(), ReferralUpdateKind.BeneficiaryLeft, null, day.AddDays(-5), Made.AddDays(2))).Code);
        referral.PostUpdate(Guid.CreateVersion7(), ReferralUpdateKind.ServiceStarted, ServiceType.Residential, day, Made.AddDays(2));
        referral.LoseConsent(Made.AddDays(3));
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal("referral.consent-withdrawn", Assert.Throws<DomainException>(() => referral.PostUpdate(Guid.CreateVersion7(), ReferralUpdateKind.BeneficiaryLeft, null, day, Made.AddDays(3))).Code);
    }

    [Fact]
    public void A_consent_covers_a_referral_only_for_its_organisation_services_and_data_while_current_and_not_withdrawn()
    {
        var given = new DateOnly(2026, 2, 1);
        var terms = new ConsentTerms(ConsentScope.Referral, Receiver, ServiceTypeSet.ToMask([ServiceType.Residential, ServiceType.Counselling]),
            ReferralData.FirstNameOrAlias | ReferralData.FullName, ConsentForm.Verbal, null, "Witness", given);
        var consent = Consent.Record(Guid.CreateVersion7(), Sender, Guid.CreateVersion7(), terms, Made, Guid.CreateVersion7());
        var residential = ServiceTypeSet.ToMask([ServiceType.Residential]);
        Assert.True(consent.CoversReferral(Receiver, residential, ReferralData.FirstNameOrAlias | ReferralData.FullName, given));
        Assert.False(consent.CoversReferral(Sender, residential, ReferralData.FirstNameOrAlias, given));
        Assert.False(consent.CoversReferral(Receiver, ServiceTypeSet.ToMask([ServiceType.Repatriation]), ReferralData.FirstNameOrAlias, given));
        Assert.False(consent.CoversReferral(Receiver, residential, ReferralData.FirstNameOrAlias | ReferralData.NationalId, given));
        Assert.False(consent.CoversReferral(Receiver, residential, ReferralData.FirstNameOrAlias, given.AddDays(-1)));

        // Every change is a new version; the old one retires, and its row's version moves so a racing referral fails.
        consent.NoteReferral();
        var withdrawn = consent.Withdraw(Guid.CreateVersion7(), given.AddDays(10), Made.AddDays(10), Guid.CreateVersion7());
        Assert.Equal((false, 2, 2), (consent.IsCurrent, consent.Version, withdrawn.Number));
        Assert.False(withdrawn.CoversReferral(Receiver, residential, ReferralData.FirstNameOrAlias, given.AddDays(11)));
        Assert.Equal("consent.superseded", Assert.Throws<DomainException>(() => consent.Revise(Guid.CreateVersion7(), terms, Made, Guid.CreateVersion7())).Code);
        Assert.Equal("consent.withdrawn", Assert.Throws<DomainException>(() => withdrawn.Revise(Guid.CreateVersion7(), terms, Made, Guid.CreateVersion7())).Code);
        Assert.Equal("consent.form", Assert.Throws<DomainException>(() => Consent.Record(Guid.CreateVersion7(), Sender, Guid.CreateVersion7(), terms with { Witness = " " }, Made, Guid.CreateVersion7())).Code);
        Assert.Equal("consent.processing", Assert.Throws<DomainException>(() => Consent.Record(Guid.CreateVersion7(), Sender, Guid.CreateVersion7(), terms with { Scope = ConsentScope.Processing }, Made, Guid.CreateVersion7())).Code);
    }

    private static void Step(Referral referral, string step)
    {
        switch (step)
        {
            case "accept": referral.Accept(Made.AddDays(1), Guid.CreateVersion7(), true, Guid.CreateVersion7()); break;
            case "decline": referral.Decline(Made.AddDays(1), DeclineReason.NoCapacity); break;
            case "withdraw": referral.Withdraw(Made.AddDays(1)); break;
            case "expire": referral.Expire(Made.AddDays(15)); break;
            case "complete": referral.Complete(Made.AddDays(2)); break;
        }
    }
}
