using System.Reflection;
using NetArchTest.Rules;

namespace CaseManagement.Architecture.Tests;

/// <summary>
/// The dependency rule, stated once and applied both to the real assemblies and to deliberately
/// wrong fixtures, so each rule is seen to pass and seen to fail.
/// </summary>
internal static class LayerRules
{
    private const string Solution = "CaseManagement";

    /// <summary>Domain → nothing: no other layer, no framework.</summary>
    public static readonly string[] ForbiddenToDomain =
    [
        $"{Solution}.Application", $"{Solution}.Infrastructure", $"{Solution}.Api", $"{Solution}.Migrations",
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Mediator", "FluentValidation",
    ];

    /// <summary>Application → Domain (and abstractions): no infrastructure, no host, no provider, no crypto.</summary>
    public static readonly string[] ForbiddenToApplication =
    [
        $"{Solution}.Infrastructure", $"{Solution}.Api", $"{Solution}.Migrations",
        "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer",
        "Npgsql", "Microsoft.Data", "System.Security.Cryptography",
    ];

    /// <summary>Infrastructure → Application: never the host.</summary>
    public static readonly string[] ForbiddenToInfrastructure = [$"{Solution}.Api", $"{Solution}.Migrations"];

    /// <summary>
    /// Web → Application: pages send messages and read what comes back. They never reach the
    /// database (not even through the Application's context interface), the crypto or the host.
    /// </summary>
    public static readonly string[] ForbiddenToWeb =
    [
        $"{Solution}.Infrastructure", $"{Solution}.Api", $"{Solution}.Migrations",
        $"{Solution}.Application.Common.Interfaces.IApplicationDbContext",
        "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data", "Hangfire", "OpenIddict",
    ];

    /// <summary>The names of the types in <paramref name="types"/> that use a forbidden namespace.</summary>
    public static IReadOnlyList<string> DependencyViolations(PredicateList types, string[] forbidden) =>
        Failing(types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult());

    public static IReadOnlyList<string> DependencyViolations(Assembly assembly, string[] forbidden) =>
        Failing(Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult());

    /// <summary>Mediator handlers that are public: a handler is reached through the mediator only.</summary>
    public static IReadOnlyList<string> PublicHandlers(IEnumerable<Type> types) =>
        [.. types.Where(t => t.IsVisible && IsHandler(t)).Select(t => t.FullName!)];

    public static IEnumerable<Type> Handlers(IEnumerable<Type> types) => types.Where(IsHandler);

    private static bool IsHandler(Type type) =>
        type.IsClass && type.GetInterfaces().Any(i => i.IsGenericType && i.Namespace == "Mediator"
            && i.Name is "ICommandHandler`2" or "IQueryHandler`2" or "ICommandHandler`1" or "IRequestHandler`2" or "INotificationHandler`1");

    private static string[] Failing(NetArchTest.Rules.TestResult result) =>
        result.IsSuccessful ? [] : [.. result.FailingTypes!.Select(t => t.FullName)];
}
