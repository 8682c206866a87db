using System.Reflection;
using CaseManagement.Domain.Common;
using NetArchTest.Rules;

namespace CaseManagement.Architecture.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(IOrganisationOwned).Assembly;
    private static readonly Assembly Application = typeof(CaseManagement.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(CaseManagement.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(CaseManagement.Web.WebSetup).Assembly;
    private static readonly Assembly Fixtures = typeof(ArchitectureTests).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing()
    {
        Assert.Empty(LayerRules.DependencyViolations(Domain, LayerRules.ForbiddenToDomain));
        Assert.All(Domain.GetReferencedAssemblies(), a => Assert.StartsWith("System", a.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_rule_catches_a_domain_type_that_uses_persistence()
    {
        var violations = LayerRules.DependencyViolations(InFixture("Domain"), LayerRules.ForbiddenToDomain);
        Assert.Equal(["CaseManagement.Architecture.Tests.WrongFixtures.Domain.EntityThatSavesItself"], violations);
    }

    [Fact]
    public void The_application_depends_only_on_the_domain_and_abstractions()
    {
        Assert.Empty(LayerRules.DependencyViolations(Application, LayerRules.ForbiddenToApplication));
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("CaseManagement.", StringComparison.Ordinal) && r != "CaseManagement.Domain");
    }

    [Fact]
    public void The_application_rule_catches_a_use_case_that_encrypts_by_itself()
    {
        var violations = LayerRules.DependencyViolations(InFixture("Application"), LayerRules.ForbiddenToApplication);
        Assert.Equal(["CaseManagement.Architecture.Tests.WrongFixtures.Application.UseCaseThatEncrypts"], violations);
    }

    [Fact]
    public void The_infrastructure_does_not_depend_on_the_host()
    {
        Assert.Empty(LayerRules.DependencyViolations(Infrastructure, LayerRules.ForbiddenToInfrastructure));
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), a => a.Name == "CaseManagement.Api");
    }

    [Fact]
    public void The_infrastructure_rule_catches_a_service_that_knows_the_host()
    {
        var violations = LayerRules.DependencyViolations(InFixture("Infrastructure"), LayerRules.ForbiddenToInfrastructure);
        Assert.Equal(["CaseManagement.Architecture.Tests.WrongFixtures.Infrastructure.ServiceThatKnowsTheHost"], violations);
    }

    [Fact]
    public void The_web_application_depends_only_on_the_application()
    {
        Assert.Empty(LayerRules.DependencyViolations(Web, LayerRules.ForbiddenToWeb));
        var references = Web.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("CaseManagement.Application", references);
        Assert.DoesNotContain(references, r => r.StartsWith("CaseManagement.", StringComparison.Ordinal) && r is not ("CaseManagement.Application" or "CaseManagement.Domain"));
    }

    [Fact]
    public void The_web_rule_catches_a_page_that_reads_the_database()
    {
        var violations = LayerRules.DependencyViolations(InFixture("Web"), LayerRules.ForbiddenToWeb);
        Assert.Equal(["CaseManagement.Architecture.Tests.WrongFixtures.Web.PageThatReadsTheDatabase"], violations);
    }

    [Fact]
    public void Handlers_are_not_public()
    {
        var types = Application.GetTypes();
        Assert.NotEmpty(LayerRules.Handlers(types)); // the rule looks at something
        Assert.Empty(LayerRules.PublicHandlers(types));
    }

    [Fact]
    public void The_handler_rule_catches_a_public_handler()
    {
        Assert.Equal(
            ["CaseManagement.Architecture.Tests.WrongFixtures.Handlers.PublicWrongHandler"],
            LayerRules.PublicHandlers(Fixtures.GetTypes()));
    }

    [Fact]
    public void Each_use_case_sits_in_its_own_folder_with_its_handler()
    {
        // Application/<Area>/<Commands|Queries>/<UseCase>/: the message and its handler share the namespace.
        var handlers = LayerRules.Handlers(Application.GetTypes()).ToList();
        Assert.All(handlers, handler =>
        {
            var message = handler.GetInterfaces().First(i => i.Namespace == "Mediator").GetGenericArguments()[0];
            Assert.Equal(message.Namespace, handler.Namespace);
            Assert.Matches(@"^CaseManagement\.Application\.\w+\.(Commands|Queries)\.\w+$", handler.Namespace!);
        });
    }

    private static PredicateList InFixture(string layer) =>
        Types.InAssembly(Fixtures).That().ResideInNamespace($"CaseManagement.Architecture.Tests.WrongFixtures.{layer}");
}
