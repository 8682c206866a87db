using System.Net;
using CaseManagement.Api.Tests.Infrastructure;
using CaseManagement.Application.Common.Security;
using static CaseManagement.Api.Tests.Infrastructure.ApiCalls;

namespace CaseManagement.Api.Tests.SignIn;

/// <summary>An invitation stops working once its lifetime has passed on the server's clock (a host of its own, as the clock only moves on).</summary>
public sealed class InvitationExpiryTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task An_invitation_expires_after_its_lifetime_with_a_page_that_says_so()
    {
        var admin = await fixture.ClientAsync(fixture.OrganisationA, Roles.OrganisationAdmin);
        var created = await (await admin.PostJsonAsync("/api/v1/admin/users", new { userName = $"late.{Guid.NewGuid():N}", roles = new[] { Roles.SocialWorker } }))
            .ReadObjectAsync(HttpStatusCode.Created);
        var token = InvitationFlow.Token((string)created["invitationLink"]!);

        fixture.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        var expired = await InvitationFlow.OpenAsync(SignInFlow.Browser(fixture.Host), token);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("a expirat", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
