// Deliberately wrong code: each type breaks one architecture rule, so the tests can show that the
// rule catches it. Nothing in the product uses these types.
#pragma warning disable CA1812, CA1822, IDE0051

using CaseManagement.Api.Security;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence;
using Mediator;

namespace CaseManagement.Architecture.Tests.WrongFixtures.Domain
{
    /// <summary>A "domain" entity that reaches into the database layer.</summary>
    public sealed class EntityThatSavesItself
    {
        public Task<int> Save(ApplicationDbContext db) => db.SaveChangesAsync();
    }
}

namespace CaseManagement.Architecture.Tests.WrongFixtures.Application
{
    /// <summary>A "use case" that encrypts by itself instead of leaving it to persistence.</summary>
    public sealed class UseCaseThatEncrypts
    {
        public byte[] Seal(FieldEncryptor encryptor, FieldContext context) => encryptor.Encrypt(context, "x"u8);
    }
}

namespace CaseManagement.Architecture.Tests.WrongFixtures.Infrastructure
{
    /// <summary>An "infrastructure" service that depends on the host.</summary>
    public sealed class ServiceThatKnowsTheHost
    {
        public void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
            services.AddCaseManagementAuthorization();
    }
}

namespace CaseManagement.Architecture.Tests.WrongFixtures.Web
{
    /// <summary>A "page" that counts cases by reading the database itself, around authorization and audit.</summary>
    public sealed class PageThatReadsTheDatabase : Microsoft.AspNetCore.Components.ComponentBase
    {
        public int Count(CaseManagement.Application.Common.Interfaces.IApplicationDbContext db) => db.Cases.Count();
    }
}

namespace CaseManagement.Architecture.Tests.WrongFixtures.Handlers
{
    public sealed record WrongCommand : ICommand<int>;

    /// <summary>A handler anyone could call directly, around the pipeline's validation and unit of work.</summary>
    public sealed class PublicWrongHandler : ICommandHandler<WrongCommand, int>
    {
        public ValueTask<int> Handle(WrongCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(1);
    }
}
