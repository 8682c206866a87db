using CaseManagement.Api.Tests.Suites;

namespace CaseManagement.Api.Tests.Providers;

// Each suite runs once per provider. PostgreSQL runs when CASEMGMT_TEST_POSTGRES is set (CI sets it);
// SQL Server runs where a Docker engine answers. Otherwise their tests skip and say why.

public sealed class SqliteEncryptedRecords(SqliteApiFixture f) : EncryptedRecordsSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class SqliteCaseLifecycle(SqliteApiFixture f) : CaseLifecycleSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class SqliteBadInput(SqliteApiFixture f) : BadInputSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class SqliteKeyRotation(SqliteApiFixture f) : KeyRotationSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresEncryptedRecords(PostgresApiFixture f) : EncryptedRecordsSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class PostgresCaseLifecycle(PostgresApiFixture f) : CaseLifecycleSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class PostgresBadInput(PostgresApiFixture f) : BadInputSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class PostgresKeyRotation(PostgresApiFixture f) : KeyRotationSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerEncryptedRecords(SqlServerApiFixture f) : EncryptedRecordsSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqlServerCaseLifecycle(SqlServerApiFixture f) : CaseLifecycleSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqlServerBadInput(SqlServerApiFixture f) : BadInputSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqlServerKeyRotation(SqlServerApiFixture f) : KeyRotationSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteIdentity(SqliteApiFixture f) : IdentitySuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresIdentity(PostgresApiFixture f) : IdentitySuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerIdentity(SqlServerApiFixture f) : IdentitySuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteAudit(SqliteApiFixture f) : AuditSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAudit(PostgresApiFixture f) : AuditSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerAudit(SqlServerApiFixture f) : AuditSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteAuthorizationMatrix(SqliteApiFixture f) : AuthorizationMatrixSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAuthorizationMatrix(PostgresApiFixture f) : AuthorizationMatrixSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerAuthorizationMatrix(SqlServerApiFixture f) : AuthorizationMatrixSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteAdministration(SqliteApiFixture f) : AdministrationSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresAdministration(PostgresApiFixture f) : AdministrationSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerAdministration(SqlServerApiFixture f) : AdministrationSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteSignInHardening(SqliteApiFixture f) : SignInHardeningSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSignInHardening(PostgresApiFixture f) : SignInHardeningSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerSignInHardening(SqlServerApiFixture f) : SignInHardeningSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqlitePages(SqliteApiFixture f) : PagesSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresPages(PostgresApiFixture f) : PagesSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqliteInvitations(SqliteApiFixture f) : InvitationSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresInvitations(PostgresApiFixture f) : InvitationSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerInvitations(SqlServerApiFixture f) : InvitationSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqlitePasswordLifecycle(SqliteApiFixture f) : PasswordLifecycleSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresPasswordLifecycle(PostgresApiFixture f) : PasswordLifecycleSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerPasswordLifecycle(SqlServerApiFixture f) : PasswordLifecycleSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteMachineClients(SqliteApiFixture f) : MachineClientSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresMachineClients(PostgresApiFixture f) : MachineClientSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerMachineClients(SqlServerApiFixture f) : MachineClientSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteSessions(SqliteApiFixture f) : SessionsSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresSessions(PostgresApiFixture f) : SessionsSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerSessions(SqlServerApiFixture f) : SessionsSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteEnableAgain(SqliteApiFixture f) : EnableAgainSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresEnableAgain(PostgresApiFixture f) : EnableAgainSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerEnableAgain(SqlServerApiFixture f) : EnableAgainSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteReintegrationAndCounselling(SqliteApiFixture f) : ReintegrationAndCounsellingSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReintegrationAndCounselling(PostgresApiFixture f) : ReintegrationAndCounsellingSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerReintegrationAndCounselling(SqlServerApiFixture f) : ReintegrationAndCounsellingSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteCaseloadAndTimeline(SqliteApiFixture f) : CaseloadAndTimelineSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresCaseloadAndTimeline(PostgresApiFixture f) : CaseloadAndTimelineSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerCaseloadAndTimeline(SqlServerApiFixture f) : CaseloadAndTimelineSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;
public sealed class SqliteLegalCases(SqliteApiFixture f) : LegalCaseSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresLegalCases(PostgresApiFixture f) : LegalCaseSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerLegalCases(SqlServerApiFixture f) : LegalCaseSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;
public sealed class SqliteResidentialAndRepatriation(SqliteApiFixture f) : ResidentialAndRepatriationSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresResidentialAndRepatriation(PostgresApiFixture f) : ResidentialAndRepatriationSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerResidentialAndRepatriation(SqlServerApiFixture f) : ResidentialAndRepatriationSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteReferrals(SqliteApiFixture f) : ReferralSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresReferrals(PostgresApiFixture f) : ReferralSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerReferrals(SqlServerApiFixture f) : ReferralSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteActivities(SqliteApiFixture f) : ActivitySuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresActivities(PostgresApiFixture f) : ActivitySuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerActivities(SqlServerApiFixture f) : ActivitySuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteStatistics(SqliteApiFixture f) : StatisticsSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresStatistics(PostgresApiFixture f) : StatisticsSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerStatistics(SqlServerApiFixture f) : StatisticsSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteRetention(SqliteApiFixture f) : RetentionSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresRetention(PostgresApiFixture f) : RetentionSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;

public sealed class SqlServerRetention(SqlServerApiFixture f) : RetentionSuite<SqlServerApiFixture>(f), IClassFixture<SqlServerApiFixture>;

public sealed class SqliteBlindIndex(SqliteApiFixture f) : BlindIndexSuite<SqliteApiFixture>(f), IClassFixture<SqliteApiFixture>;

public sealed class PostgresBlindIndex(PostgresApiFixture f) : BlindIndexSuite<PostgresApiFixture>(f), IClassFixture<PostgresApiFixture>;
