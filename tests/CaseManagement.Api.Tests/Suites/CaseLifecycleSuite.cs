using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Beneficiaries.Queries.ListBeneficiaries;
using CaseManagement.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>Cases, services and notes through HTTP, with their invariants and optimistic concurrency.</summary>
public abstract class CaseLifecycleSuite<TFixture>(TFixture fixture) : ProviderSuite<TFixture>(fixture)
    where TFixture : ApiFixture
{
    [Fact]
    public async Task A_case_goes_from_new_to_active_to_closed_and_back_with_its_services()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var beneficiary = await client.RegisterAsync(Beneficiary("Ana Lifecycle"));
        var opened = await client.OpenCaseAsync(beneficiary, Fixture.DaysAgo(395));
        var caseId = (Guid)opened["id"]!;
        Assert.Equal("New", (string?)opened["status"]);

        var (_, worker) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var assigned = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, workerId = worker })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Active", (string?)assigned["status"]);
        Assert.Equal(worker, (Guid)assigned["assignedWorkerId"]!);

        var shelter = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Residential", startDate = Fixture.DaysAgo(395) })).ReadObjectAsync(HttpStatusCode.Created);
        var counselling = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "Counselling", startDate = Fixture.DaysAgo(393) })).ReadObjectAsync(HttpStatusCode.Created);
        var shelterId = (Guid)shelter["id"]!;

        var early = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{shelterId}/end", new { endDate = Fixture.DaysAgo(396) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("episode.end-before-start", (string?)early["code"]);
        var ended = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{shelterId}/end", new { endDate = Fixture.DaysAgo(385) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Ended", (string?)ended["status"]);
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services/{Guid.CreateVersion7()}/end", new { endDate = Fixture.DaysAgo(385) })).ProblemAsync(HttpStatusCode.NotFound);

        // Assigning, two starts and one end each moved the case's version.
        var current = await (await client.GetAsync($"/api/v1/cases/{caseId}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(4, (int)current["version"]!);
        var noReason = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 4, closedOn = Fixture.DaysAgo(373) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason["errors"]!.AsObject().ContainsKey("reason"));
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 1, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(373) })).ProblemAsync(HttpStatusCode.Conflict);
        var closed = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/close", new { version = 4, reason = "GoalsAchieved", closedOn = Fixture.DaysAgo(373) })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", (string?)closed["status"]);

        var services = await (await client.GetAsync($"/api/v1/cases/{caseId}/services")).ReadObjectsAsync();
        Assert.Equal(2, services.Count);
        Assert.All(services, s => Assert.Equal("Ended", (string?)s!["status"]));
        Assert.Equal(Fixture.DaysAgo(373), (string?)services.Single(s => (Guid)s!["id"]! == (Guid)counselling["id"]!)!["endDate"]);

        var onClosed = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/services", new { type = "DayCentre", startDate = Fixture.DaysAgo(372) })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.closed", (string?)onClosed["code"]);

        var reopened = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/reopen", new { version = (int)closed["version"]! })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal("Active", (string?)reopened["status"]);
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/reopen", new { version = (int)reopened["version"]! })).ProblemAsync(HttpStatusCode.Conflict);

        var listed = await (await client.GetAsync($"/api/v1/cases?beneficiaryId={beneficiary}&status=Active")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal([caseId], listed["items"]!.AsArray().Select(c => (Guid)c!["id"]!));
    }

    [Fact]
    public async Task Restricted_notes_are_listed_for_their_author_and_designated_counsellors_only()
    {
        var (client, clientId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var caseId = (Guid)(await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await client.RegisterAsync(Beneficiary("Note Person")), openedOn = Fixture.DaysAgo(400), assignedWorkerId = clientId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Ordinary", content = "Attended the day centre." })).ReadObjectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Restricted", content = "Therapy session notes." })).ReadObjectAsync(HttpStatusCode.Created);

        var mine = await (await client.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)mine["totalCount"]!);
        Assert.Equal("Therapy session notes.", (string?)mine["items"]![0]!["content"]);

        var colleague = await Fixture.ClientAsync(Fixture.OrganisationA);
        var theirs = await (await colleague.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["Attended the day centre."], theirs["items"]!.AsArray().Select(n => (string?)n!["content"]));

        // A designated counsellor reads them too; a user of another organisation cannot be designated.
        var (counsellor, counsellorId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = counsellorId })).StatusCode);
        var counselled = await (await counsellor.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)counselled["totalCount"]!);
        var (_, strangerId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = strangerId })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (int)(await (await colleague.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK))["totalCount"]!);
    }

    [Fact]
    public async Task Two_updates_of_the_same_version_give_one_success_and_one_409()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var id = await client.RegisterAsync(Beneficiary("Concurrent Person"));
        var first = Beneficiary("Concurrent Person One");
        var second = Beneficiary("Concurrent Person Two");
        first["version"] = 0;
        second["version"] = 0;

        var responses = await Task.WhenAll(
            client.PutAsync($"/api/v1/beneficiaries/{id}", Body(first)),
            client.PutAsync($"/api/v1/beneficiaries/{id}", Body(second)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrency.stale-version", (string?)conflict["code"]);
        var read = await (await client.GetAsync($"/api/v1/beneficiaries/{id}")).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)read["version"]!);
    }

    [Fact]
    public async Task The_database_rejects_a_write_based_on_a_version_another_writer_already_replaced()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var caseId = (Guid)(await client.OpenCaseAsync(await client.RegisterAsync(Beneficiary("Race Person")), Fixture.DaysAgo(400)))["id"]!;

        // Both writers load version 0 before either saves: only the concurrency token can tell them apart.
        await using var scopeA = Fixture.Services.CreateAsyncScope();
        await using var scopeB = Fixture.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var caseA = await dbA.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == caseId);
        var caseB = await dbB.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == caseId);
        caseA.Assign(Guid.CreateVersion7());
        caseB.Assign(Guid.CreateVersion7());

        await dbA.SaveAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => dbB.SaveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_assigned_worker_or_a_restricted_note_author_designates_counsellors_and_never_themselves()
    {
        var (worker, workerId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var opened = await (await worker.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await worker.RegisterAsync(Beneficiary("Grant Person")), openedOn = Fixture.DaysAgo(400), assignedWorkerId = workerId }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var caseId = (Guid)opened["id"]!;
        var (unrelated, unrelatedId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var (coordinator, _) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.Coordinator);
        var (colleague, colleagueId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);

        // Nobody designates themselves: not the assigned worker, not an unrelated colleague.
        await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = workerId })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await unrelated.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = unrelatedId })).ProblemAsync(HttpStatusCode.Forbidden);
        // An unrelated worker cannot designate someone else either, nor can a coordinator.
        await (await unrelated.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = colleagueId })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = colleagueId })).ProblemAsync(HttpStatusCode.Forbidden);
        // The counsellor is an active social worker of the same organisation; anyone else is "not found".
        var (_, lawyerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var (_, foreignId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var (_, disabledId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await DisableAsync(disabledId);
        foreach (var candidate in new[] { lawyerId, foreignId, disabledId, Guid.CreateVersion7() })
        {
            await (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = candidate })).ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = colleagueId })).StatusCode);
        // Nor can an unrelated worker become a grantor by writing a restricted note, or by taking the case.
        await (await unrelated.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Restricted", content = "Session notes." })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await unrelated.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, workerId = unrelatedId })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await unrelated.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, workerId = colleagueId })).ProblemAsync(HttpStatusCode.Forbidden);
        // A designated counsellor writes restricted notes, and so may designate too (never themselves).
        await (await colleague.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Restricted", content = "Session notes." })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await colleague.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = workerId })).StatusCode);
        var listed = await (await worker.GetAsync($"/api/v1/cases/{caseId}/counsellors")).ReadObjectsAsync();
        Assert.Equal(new[] { colleagueId, workerId }.Order(), listed.Select(c => (Guid)c!["userId"]!).Order());
    }

    [Fact]
    public async Task A_revoked_counsellor_no_longer_reads_restricted_notes_and_both_steps_are_audited()
    {
        var (author, authorId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var caseId = (Guid)(await (await author.PostJsonAsync("/api/v1/cases", new { beneficiaryId = await author.RegisterAsync(Beneficiary("Revoke Person")), openedOn = Fixture.DaysAgo(400), assignedWorkerId = authorId }))
            .ReadObjectAsync(HttpStatusCode.Created))["id"]!;
        await (await author.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new { sensitivity = "Restricted", content = "Therapy notes." })).ReadObjectAsync(HttpStatusCode.Created);
        var (counsellor, counsellorId) = await Fixture.NewUserClientAsync(Fixture.OrganisationA, Roles.SocialWorker);
        Assert.Equal(HttpStatusCode.NoContent, (await author.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = counsellorId })).StatusCode);
        Assert.Equal(1, (int)(await (await counsellor.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK))["totalCount"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/cases/{caseId}/counsellors/{counsellorId}")).StatusCode);
        Assert.Equal(0, (int)(await (await counsellor.GetAsync($"/api/v1/cases/{caseId}/notes")).ReadObjectAsync(HttpStatusCode.OK))["totalCount"]!);
        await (await author.DeleteAsync($"/api/v1/cases/{caseId}/counsellors/{counsellorId}")).ProblemAsync(HttpStatusCode.NotFound);
        // The counsellor cannot put themselves back.
        await (await counsellor.PostJsonAsync($"/api/v1/cases/{caseId}/counsellors", new { userId = counsellorId })).ProblemAsync(HttpStatusCode.Forbidden);

        var actions = await Fixture.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.EntityId == caseId && e.EntityType == "Case.Counsellor").OrderBy(e => e.Sequence).Select(e => e.Action + ":" + e.Outcome).ToListAsync());
        Assert.Equal(["Grant:Success", "Revoke:Success", "Revoke:NotFound", "Grant:Denied"], actions);
    }

    [Fact]
    public async Task A_case_is_assigned_only_to_an_active_social_worker_of_the_same_organisation()
    {
        var client = await Fixture.ClientAsync(Fixture.OrganisationA);
        var beneficiary = await client.RegisterAsync(Beneficiary("Assigned Person"));
        var (_, foreignId) = await Fixture.CreateUserAsync(Fixture.OrganisationB, Roles.SocialWorker);
        var (_, lawyerId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.Lawyer);
        var (_, disabledId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        await DisableAsync(disabledId);
        var before = await Fixture.FingerprintAsync();
        foreach (var worker in new[] { foreignId, lawyerId, disabledId, Guid.CreateVersion7() })
        {
            await (await client.PostJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, openedOn = Fixture.DaysAgo(400), assignedWorkerId = worker })).ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(before, await Fixture.FingerprintAsync());
        var caseId = (Guid)(await client.OpenCaseAsync(beneficiary, Fixture.DaysAgo(400)))["id"]!;
        foreach (var worker in new[] { foreignId, lawyerId, disabledId, Guid.CreateVersion7() })
        {
            await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, workerId = worker })).ProblemAsync(HttpStatusCode.NotFound);
        }

        var (_, colleagueId) = await Fixture.CreateUserAsync(Fixture.OrganisationA, Roles.SocialWorker);
        var assigned = await (await client.PostJsonAsync($"/api/v1/cases/{caseId}/assign", new { version = 0, workerId = colleagueId })).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(colleagueId, (Guid)assigned["assignedWorkerId"]!);
    }

    [Fact]
    public async Task Code_without_a_user_is_denied_unless_it_asks_for_the_system_identity()
    {
        await (await Fixture.ClientAsync(Fixture.OrganisationA)).RegisterAsync(Beneficiary("System Person"));
        await using (var nobody = Fixture.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<ForbiddenException>(async () => await nobody.ServiceProvider.GetRequiredService<ISender>().Send(new ListBeneficiariesQuery()));
        }

        await using var system = Fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(Fixture.OrganisationA);
        var page = await system.ServiceProvider.GetRequiredService<ISender>().Send(new ListBeneficiariesQuery(1, 100));
        Assert.NotEmpty(page.Items);
        await using (var platform = Fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(null))
        {
            // Platform-level system work sees no organisation's rows.
            Assert.Empty((await platform.ServiceProvider.GetRequiredService<ISender>().Send(new ListBeneficiariesQuery(1, 100))).Items);
        }

        await using var other = Fixture.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope(Fixture.OrganisationB);
        var theirs = await other.ServiceProvider.GetRequiredService<ISender>().Send(new ListBeneficiariesQuery(1, 100));
        Assert.DoesNotContain(theirs.Items, b => page.Items.Any(a => a.Id == b.Id)); // scoped to its one organisation
    }

    private Task DisableAsync(Guid userId) => Fixture.WithDbAsync(async db =>
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
}
