namespace CaseManagement.Api.Tests.Browser;

public sealed class PostgresWebJourneys(PostgresWebFixture f) : WebJourneySuite<PostgresWebFixture>(f), IClassFixture<PostgresWebFixture>;
