using CaseManagement.Application.LegalCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Tests;

public sealed class LegalCaseOptionsTests
{
    [Fact]
    public void Without_configuration_the_default_categories_apply()
    {
        Assert.Equal(LegalCaseOptions.DefaultOffenceCategories, Options([]).OffenceCategories);
    }

    [Fact]
    public void A_configured_list_replaces_the_defaults_rather_than_extending_them()
    {
        var options = Options(new() { ["LegalCases:OffenceCategories:0"] = "Proxenetism", ["LegalCases:OffenceCategories:1"] = "Other" });
        Assert.Equal(["Proxenetism", "Other"], options.OffenceCategories);
    }

    [Fact]
    public void A_category_on_two_lines_or_too_long_for_the_database_is_refused()
    {
        Assert.Throws<OptionsValidationException>(() => Options(new() { ["LegalCases:OffenceCategories:0"] = "Two\nlines" }));
        Assert.Throws<OptionsValidationException>(() => Options(new() { ["LegalCases:OffenceCategories:0"] = new string('c', LegalCaseOptions.MaxCodeLength + 1) }));
    }

    private static LegalCaseOptions Options(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:CaseManagement"] = "Data Source=:memory:";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddInfrastructure(configuration, new TestEnvironment()).BuildServiceProvider();
        return services.GetRequiredService<IOptions<LegalCaseOptions>>().Value;
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "CaseManagement.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
