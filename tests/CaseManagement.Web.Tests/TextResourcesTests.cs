using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseManagement.Application.Statistics.Releases;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Tests;

/// <summary>
/// Every text exists in Romanian and in English, with the same placeholders; Romanian is written
/// with ș and ț (comma below), never the cedilla letters ş and ţ that old keyboards produce; and
/// every key a page asks for exists.
/// </summary>
public sealed partial class TextResourcesTests
{
    private static readonly Dictionary<string, string> Romanian = Read("Text.resx");
    private static readonly Dictionary<string, string> English = Read("Text.en.resx");

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        Assert.NotEmpty(Romanian);
        Assert.Equal([], Romanian.Keys.Except(English.Keys).Order());
        Assert.Equal([], English.Keys.Except(Romanian.Keys).Order());
    }

    [Fact]
    public void No_text_is_empty_and_both_languages_have_the_same_placeholders()
    {
        Assert.All(Romanian.Concat(English), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
        Assert.All(Romanian, text => Assert.Equal(Placeholders(text.Value), Placeholders(English[text.Key])));
    }

    [Fact]
    public void Romanian_uses_the_comma_below_never_the_cedilla()
    {
        Assert.All(Romanian, text => Assert.True(text.Value.IndexOfAny(['ş', 'ţ', 'Ş', 'Ţ']) < 0, $"{text.Key}: {text.Value}"));
        Assert.Contains(Romanian.Values, v => v.Contains('ș', StringComparison.Ordinal) || v.Contains('ț', StringComparison.Ordinal));
    }

    [Fact]
    public void English_has_no_Romanian_letters_left_in_it()
    {
        Assert.All(English, text => Assert.True(text.Value.IndexOfAny(['ă', 'â', 'î', 'ș', 'ț', 'Ă', 'Â', 'Î', 'Ș', 'Ț']) < 0, $"{text.Key}: {text.Value}"));
    }

    [Fact]
    public void Every_key_a_page_asks_for_exists()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "CaseManagement.Web"), "*.razor", SearchOption.AllDirectories);
        var asked = sources.SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(asked);
        // Keys built from an enum's names: each of its names.
        asked.UnionWith(Keys<CaseStatus>());
        asked.UnionWith(Keys<Sex>());
        asked.UnionWith(Keys<AgeBand>());
        asked.UnionWith(Keys<ReferralSourceKind>());
        asked.UnionWith(Keys<ServiceType>());
        asked.UnionWith(Keys<EpisodeStatus>());
        asked.UnionWith(Keys<CaseManagement.Domain.Notifications.NotificationKind>());
        asked.UnionWith(Keys<CaseManagement.Domain.LegalCases.VenueKind>());
        asked.UnionWith(Keys<CaseManagement.Domain.LegalCases.LegalStage>());
        asked.UnionWith(Keys<CaseManagement.Domain.LegalCases.ProceduralRole>());
        asked.UnionWith(Keys<CaseManagement.Domain.LegalCases.ProtectiveMeasure>());
        asked.UnionWith(Keys<CaseManagement.Application.Cases.Queries.GetTimeline.TimelineEntryKind>());
        asked.UnionWith(Keys<CaseManagement.Domain.Referrals.ReferralStatus>());
        asked.UnionWith(Keys<CaseManagement.Domain.Referrals.ReferralUrgency>());
        asked.UnionWith(Keys<CaseManagement.Domain.Referrals.ReferralData>().Where(key => key != "ReferralData.None"));
        asked.UnionWith(Keys<CaseManagement.Domain.Referrals.DeclineReason>());
        asked.UnionWith(Keys<CaseManagement.Domain.Referrals.ReferralUpdateKind>());
        asked.UnionWith(CaseManagement.Application.Common.Security.Roles.OrganisationRoles.SelectMany(role => new[] { $"Role.{role}", $"Role.{role}.Hint" }));
        asked.UnionWith(Keys<CaseManagement.Domain.Activities.ProfessionalCategory>());
        asked.UnionWith(new[] { ReleaseLayout.BySex, ReleaseLayout.ByAgeBand, ReleaseLayout.ByExploitation, ReleaseLayout.ByOrganisation }.Select(table => $"Statistics.Table.{table}"));
        asked.UnionWith(new[] { ReleaseLayout.Minors, ReleaseLayout.Adults, ReleaseLayout.MultipleForms, ReleaseLayout.NotRecorded }.Select(column => $"Statistics.Column.{column}"));
        asked.UnionWith(CaseManagement.Application.Administration.Commands.RegisterMachineClient.RegisterMachineClientValidator.GrantableScopes.Select(scope => $"Platform.Scope.{scope}"));
        asked.UnionWith(Keys<ClosureReason>());
        asked.UnionWith(Keys<ExploitationTypes>().Where(key => key != "ExploitationTypes.None")); // "none" is no box to tick
        Assert.Equal([], asked.Except(Romanian.Keys).Order());
    }

    [Fact]
    public void Every_key_the_sign_in_pages_ask_for_exists()
    {
        // The host's own pages (sign-in, invitation, account) draw their texts from the same resources.
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "CaseManagement.Api", "Identity"), "*.cs");
        var asked = sources.SelectMany(file => SignInKey().Matches(File.ReadAllText(file)))
            .SelectMany(m => new[] { m.Groups[1], m.Groups[2] }.Where(g => g.Success).Select(g => g.Value)).ToHashSet();
        Assert.Contains("SignIn.UserName", asked);
        Assert.Contains("SignIn.Locked.Many", asked);
        Assert.Contains("Enrol.AlreadyText", asked);
        Assert.Equal([], asked.Except(Romanian.Keys).Order());
    }

    [Fact]
    public void Every_refusal_by_a_rule_has_a_text()
    {
        // A page shows a use case's refusal (a domain rule, a conflict) by its code; the API, by its English sentence.
        var sources = new[] { "CaseManagement.Domain", "CaseManagement.Application", "CaseManagement.Infrastructure" }
            .SelectMany(project => Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));
        var codes = sources.SelectMany(file => RuleCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("case.closed", codes);
        Assert.Contains("concurrency.stale-version", codes);
        Assert.Equal([], codes.Select(code => RuleMessages.Prefix + code).Except(Romanian.Keys).Order());
    }

    private static IEnumerable<string> Keys<TEnum>()
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Select(name => $"{typeof(TEnum).Name}.{name}");

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository's root was not found.");
    }

    [GeneratedRegex(@"L\[""([^""]+)""")]
    private static partial Regex LiteralKey();

    /// <summary>A key as the sign-in pages name one: t["…"], t.Html("…", a page's title, a message's, or a message page's two.</summary>
    [GeneratedRegex(@"(?:\b(?:t|view|texts)\[|\.Html\(|SignInMessage\.Of\(|new SignInPage\(\s*|Message\(StatusCodes\.\w+, )""([^""]+)""(?:, ""([^""]+)"")?")]
    private static partial Regex SignInKey();

    /// <summary>
    /// A refusal's code where it is thrown: DomainException.State("case.closed", …), new ConflictException("…", …), or
    /// new("…", …) in an exception's own factory; or where it is named for the pages to compare (const string …Code = "…").
    /// </summary>
    [GeneratedRegex(@"(?:(?:DomainException\.(?:State|Argument)|new (?:ConflictException|UnprocessableException)|\bnew)\(\s*|const string \w*Code = )""([a-z][a-z-]*\.[a-z.-]+)""")]
    private static partial Regex RuleCode();

    /// <summary>{0} for a page's values, {Name} for a validation rule's.</summary>
    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();
}
