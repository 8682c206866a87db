using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>A role that reads personal data counts only in a session signed in with a second factor.</summary>
public sealed class SecondFactorTests(DevelopmentFixture fixture) : IClassFixture<DevelopmentFixture>
{
    [Fact]
    public async Task A_data_role_added_during_a_session_without_a_second_factor_waits_for_a_sign_in_with_one()
    {
        // Development waives the second factor for a role that reads no personal data (the secretariat's
        // anonymised figures; an organisation's administrator exports personal data, so not theirs).
        var (staff, id) = await fixture.CreateUserAsync(null, Roles.Secretariat);
        await fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, false));
        var withoutSecondFactor = fixture.WithToken((await SignInFlow.SignInAsync(fixture.Host, staff)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await withoutSecondFactor.GetAsync("/api/v1/statistics/ledger")).StatusCode);

        // They join organisation A as a social worker too: that role reads personal data.
        await fixture.WithUserAsync(id, async (users, user) =>
        {
            user.OrganisationId = fixture.OrganisationA;
            await users.UpdateAsync(user);
            return await users.AddToRoleAsync(user, Roles.SocialWorker);
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutSecondFactor.GetAsync("/api/v1/beneficiaries")).StatusCode);

        // With no role left that counts, the person still sees and ends their own sessions.
        await fixture.WithUserAsync(id, (users, user) => users.RemoveFromRoleAsync(user, Roles.Secretariat));
        Assert.Equal(HttpStatusCode.OK, (await withoutSecondFactor.GetAsync("/api/v1/me/sessions")).StatusCode);

        // Now the sign-in demands the authenticator, and the new session carries the role.
        var refused = await SignInFlow.PostLoginAsync(SignInFlow.Browser(fixture.Host), new Uri("/account/login?returnUrl=%2F", UriKind.Relative), staff, code: "");
        Assert.StartsWith("/account/enrol", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        await fixture.WithUserAsync(id, (users, user) => users.SetTwoFactorEnabledAsync(user, true));
        var withSecondFactor = fixture.WithToken((await SignInFlow.SignInAsync(fixture.Host, staff)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await withSecondFactor.GetAsync("/api/v1/beneficiaries")).StatusCode);
    }
}
