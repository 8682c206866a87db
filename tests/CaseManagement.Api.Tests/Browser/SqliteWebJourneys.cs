namespace CaseManagement.Api.Tests.Browser;

public sealed class SqliteWebJourneys(SqliteWebFixture f) : WebJourneySuite<SqliteWebFixture>(f), IClassFixture<SqliteWebFixture>;
