using System.Security.Claims;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// How a session was signed in (the "amr" claim, RFC 8176), carried from the sign-in cookie into
/// every token of the session: a role that reads personal data counts only where it says "mfa".
/// </summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string SecondFactor = "mfa";

    /// <summary>Proof of a key held in hardware (RFC 8176): a passkey.</summary>
    public const string HardwareKey = "hwk";

    private const string Amr = OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationMethodReference;

    /// <summary>The claims a sign-in with a password, and with a second factor when <paramref name="secondFactor"/>, adds to the session.</summary>
    public static Claim[] Claims(bool secondFactor) => secondFactor
        ? [new(Amr, Password),
           new(Amr, OneTimePassword),
           new(Amr, SecondFactor)]
        : [new(Amr, Password)];

    /// <summary>The claims of a sign-in with a password and a passkey: a second factor like the authenticator code.</summary>
    public static Claim[] WithPasskey() =>
        [new(Amr, Password),
         new(Amr, HardwareKey),
         new(Amr, SecondFactor)];

    public static IReadOnlyList<string> Of(ClaimsPrincipal? principal) =>
        principal?.FindAll(Amr).Select(c => c.Value).ToArray() ?? [];

    public static bool HasSecondFactor(ClaimsPrincipal? principal) =>
        principal?.HasClaim(Amr, SecondFactor) == true;
}
