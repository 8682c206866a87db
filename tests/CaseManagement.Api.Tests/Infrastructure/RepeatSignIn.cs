namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// A person signing in more than once within one 30-second step: an authenticator code works once,
/// so the test forgets the step of the last code used, as waiting for the next code would.
/// </summary>
public static class RepeatSignIn
{
    public static async Task<SignInFlow.Tokens> AgainAsync(ApiFixture fixture, SignInFlow.StaffCredentials staff, Guid userId)
    {
        await ForgetLastCodeAsync(fixture, userId);
        return await SignInFlow.SignInAsync(fixture.Host, staff);
    }

    public static Task ForgetLastCodeAsync(ApiFixture fixture, Guid userId) =>
        fixture.WithUserAsync(userId, async (users, user) =>
        {
            user.LastAuthenticatorStep = 0;
            return await users.UpdateAsync(user);
        });
}
