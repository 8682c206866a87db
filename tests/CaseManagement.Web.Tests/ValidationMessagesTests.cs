using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CaseManagement.Application;
using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Resources;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web.Tests;

/// <summary>
/// The Application's validation messages are English, the API's contract; a page shows each in its
/// own language, by the failure's error code. So every message a rule writes itself carries a code,
/// and every code (and every FluentValidation validator a rule uses) has a text in both languages.
/// </summary>
public sealed partial class ValidationMessagesTests : IDisposable
{
    private static readonly HashSet<string> Romanian = Keys("Text.resx");
    private static readonly HashSet<string> English = Keys("Text.en.resx");
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    [Fact]
    public void Every_message_a_rule_writes_has_a_code_and_every_code_a_text_in_both_languages()
    {
        var components = Validators().SelectMany(Components).ToList();
        Assert.True(components.Count > 300, $"only {components.Count} rule components found");

        var uncoded = components.Where(c => HasOwnMessage(c) && (string.IsNullOrEmpty(c.ErrorCode) || c.ErrorCode == c.Validator.Name))
            .Select(c => c.GetUnformattedErrorMessage()).Distinct().Order();
        Assert.Equal([], uncoded);

        // A rule's own code, or the validator's name for FluentValidation's own messages (its children and custom rules write none).
        var codes = components.Where(c => c.Validator is not IChildValidatorAdaptor && !c.Validator.GetType().Name.StartsWith("CustomValidator", StringComparison.Ordinal))
            .Select(c => c.ErrorCode ?? c.Validator.Name)
            .Concat(HandMadeCodes()) // failures a custom rule adds itself
            .ToHashSet();
        Assert.Contains("Date.CaseDate", codes);
        Assert.Contains("MaximumLengthValidator", codes);
        Assert.Equal([], codes.Select(code => ValidationMessages.Prefix + code).Where(key => !Romanian.Contains(key)).Order());
        Assert.Equal([], codes.Select(code => ValidationMessages.Prefix + code).Where(key => !English.Contains(key)).Order());
    }

    [Fact]
    public void A_page_shows_a_failure_in_its_language_with_the_rules_values_and_never_the_value_typed()
    {
        var failures = Validate(new BeneficiaryInput
        {
            FullName = new string('x', BeneficiaryInputValidator.MaxNameLength + 1),
            DateOfBirth = new DateOnly(1850, 3, 1),
            YearOfIdentification = 1850,
            Phone = "+40 (722) abc",
        });

        // The API's sentences, unchanged whatever the culture.
        Assert.Contains("The date of birth must be between 1900-01-01 and today.", failures.Select(f => f.ErrorMessage));

        Assert.Equal(
            [
                "Textul este prea lung: numărul maxim de caractere este 200.",
                "Data nașterii trebuie să fie între 01.01.1900 și astăzi.",
                "Numărul de telefon poate conține doar cifre, spații și + ( ) -",
                $"Anul identificării trebuie să fie între {Beneficiary.FirstYearOfIdentification} și anul acesta.",
            ],
            Shown(failures, "ro-RO"));
        Assert.Equal(
            [
                "Use at most 200 characters.",
                "The date of birth must be between 01/01/1900 and today.",
                "A phone number holds digits, spaces and + ( ) - only.",
                $"The year of identification must lie between {Beneficiary.FirstYearOfIdentification} and this year.",
            ],
            Shown(failures, "en-GB"));
        Assert.DoesNotContain(Shown(failures, "ro-RO"), m => m.Contains("abc", StringComparison.Ordinal) || m.Contains("1850", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_without_a_text_keeps_the_applications_sentence()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ro-RO");
        var failure = new ValidationFailure("Name", "Some rule of tomorrow.") { ErrorCode = "Tomorrow.Rule" };
        Assert.Equal("Some rule of tomorrow.", ValidationMessages.Of(failure, Localizer()));
    }

    [Fact]
    public void No_validation_text_names_the_value_typed_or_the_field()
    {
        var texts = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", "Text.resx")).Root!.Elements("data")
            .Concat(XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", "Text.en.resx")).Root!.Elements("data"))
            .Where(d => ((string)d.Attribute("name")!).StartsWith(ValidationMessages.Prefix, StringComparison.Ordinal));
        Assert.All(texts, d => Assert.DoesNotMatch(@"\{Property(Value|Name)\}", (string)d.Element("value")!));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _uiCulture;
        CultureInfo.CurrentCulture = _culture;
    }

    private static List<ValidationFailure> Validate(BeneficiaryInput input)
    {
        // Validated as the API validates, in no particular culture: the messages stay English.
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        new ServiceCollection().AddApplication(); // the Application's global options (its language manager, its cascade)
        return [.. new BeneficiaryInputValidator(TimeProvider.System).Validate(input).Errors];
    }

    private static string[] Shown(IEnumerable<ValidationFailure> failures, string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var text = Localizer();
        return [.. failures.Select(f => ValidationMessages.Of(f, text))];
    }

    private static IStringLocalizer<Text> Localizer() =>
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Text>>();

    /// <summary>A message the rule writes itself (WithMessage), where FluentValidation's own would be its validator's template.</summary>
    private static bool HasOwnMessage(IRuleComponent component) =>
        !string.Equals(component.GetUnformattedErrorMessage(), component.Validator.GetDefaultMessageTemplate(component.ErrorCode), StringComparison.Ordinal);

    /// <summary>Every validator of the Application, built as the host builds them (with stand-ins for what only the host has).</summary>
    private static IEnumerable<IValidator> Validators()
    {
        var services = new ServiceCollection().AddApplication().AddOptions().AddSingleton(TimeProvider.System)
            .AddSingleton<IMachineClientCredentials, NoCredentials>();
        using var provider = services.BuildServiceProvider();
        var types = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(d => d.ServiceType).Distinct();
        return [.. types.SelectMany(type => provider.GetServices(type)).OfType<IValidator>()];
    }

    /// <summary>A validator's rule components, and those of the validators its children (SetValidator, ChildRules) run.</summary>
    private static IEnumerable<IRuleComponent> Components(IValidator validator) =>
        validator.CreateDescriptor().Rules.SelectMany(rule => rule.Components).SelectMany(component =>
            component.Validator is IChildValidatorAdaptor
                ? ChildValidators(component.Validator).SelectMany(Components).Prepend(component)
                : [component]);

    /// <summary>The validator a child adaptor holds: an inline one (ChildRules) is made only when the rules are, so it is read from the adaptor.</summary>
    private static IEnumerable<IValidator> ChildValidators(object adaptor) =>
        adaptor.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => typeof(IValidator).IsAssignableFrom(f.FieldType))
            .Select(f => f.GetValue(adaptor)).OfType<IValidator>();

    /// <summary>Codes a custom rule sets on the failures it adds (ErrorCode = "…"), read from the Application's sources.</summary>
    private static IEnumerable<string> HandMadeCodes() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "CaseManagement.Application"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => HandMadeCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository's root was not found.");
    }

    [GeneratedRegex(@"ErrorCode = ""([^""]+)""")]
    private static partial Regex HandMadeCode();

    private sealed class NoCredentials : IMachineClientCredentials
    {
        public bool ClientSecretsAllowed => false;

        public string? RefusalReason(string publicKeyPem) => null;
    }
}
