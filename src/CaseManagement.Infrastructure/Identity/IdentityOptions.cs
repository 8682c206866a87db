namespace CaseManagement.Infrastructure.Identity;

public sealed class CaseManagementIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The audience of access tokens for this API; tokens for any other audience are refused.</summary>
    public const string ApiAudience = "case-management-api";

    /// <summary>Scope that grants an access token for this API.</summary>
    public const string ApiScope = "api";

    /// <summary>Scope of the secretariat's statistics integration (client credentials).</summary>
    public const string StatisticsScope = Application.Common.Security.MachineScopes.StatisticsRead;

    /// <summary>
    /// Two-factor sign-in for every role that reads personal data. Only Development may turn it
    /// off; elsewhere the setting is ignored.
    /// </summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Production: the PFX file (and password) of the token signing certificate. Tokens are encrypted under the master key (<see cref="TokenEncryptionKey"/>).</summary>
    public CertificateOptions? SigningCertificate { get; set; }

    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>The first lockout's length; each further lockout of the same account lasts twice the one before (at most a day).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Absolute length of a session: refresh tokens stop working this long after the person signed
    /// in, however often they were refreshed, and the person signs in again.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a sign-in to this site lives without the person's activity: each page they open
    /// renews it (at most once a minute), up to <see cref="SessionLifetime"/> from the sign-in.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The issuer (iss) of every token and of the discovery document, e.g. https://cases.example.org/.
    /// Unset, OpenIddict takes it from each request's Host, which a proxy or a forged header decides.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The sign-in clients (the reference page, the web front end, a command-line client) that <c>bootstrap</c> registers.</summary>
    public List<SignInClientOptions> Clients { get; set; } = [];

    /// <summary>The relying party of passkeys, the phishing-resistant second factor; see <see cref="PasskeyOptions"/>.</summary>
    public PasskeyOptions Passkeys { get; set; } = new();

    /// <summary>
    /// Lets a machine client be registered without a public key and authenticate with a shared
    /// secret. Off by default: machine clients sign client assertions (private_key_jwt) and the
    /// server holds no secret of theirs. While off, a secret is refused at the token endpoint too.
    /// </summary>
    public bool AllowClientSecrets { get; set; }

    /// <summary>
    /// How far ahead a client assertion may expire. Each assertion's jti is kept until it expires,
    /// to refuse a replay; a short bound keeps that store small and a stolen assertion short-lived.
    /// </summary>
    public static readonly TimeSpan MaxClientAssertionLifetime = TimeSpan.FromMinutes(5);
}

public sealed class CertificateOptions
{
    public string Path { get; set; } = string.Empty;

    public string? Password { get; set; }
}
