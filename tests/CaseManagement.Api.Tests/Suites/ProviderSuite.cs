using CaseManagement.Api.Tests.Infrastructure;

namespace CaseManagement.Api.Tests.Suites;

/// <summary>A suite that runs once per database provider; it skips, saying why, where the provider cannot run.</summary>
public abstract class ProviderSuite<TFixture>
    where TFixture : ApiFixture
{
    protected ProviderSuite(TFixture fixture)
    {
        Fixture = fixture;
        Fixture.SkipIfUnavailable();
    }

    protected TFixture Fixture { get; }
}
