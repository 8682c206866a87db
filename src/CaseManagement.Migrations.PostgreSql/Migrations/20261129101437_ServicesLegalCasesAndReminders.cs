using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ServicesLegalCasesAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastActivityOn",
                table: "Cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Cases recorded before activity was kept: their last activity is the latest date on record
            // (opening, closure, a service's start or end, a note), so an upgrade asks for no review of a busy case.
            migrationBuilder.Sql(
                "UPDATE \"Cases\" c SET \"LastActivityOn\" = GREATEST(c.\"OpenedOn\", c.\"ClosedOn\", " +
                "(SELECT MAX(GREATEST(e.\"StartDate\", e.\"EndDate\")) FROM \"ServiceEpisodes\" e WHERE e.\"CaseId\" = c.\"Id\"), " +
                "(SELECT MAX((n.\"WrittenAt\" AT TIME ZONE 'UTC')::date) FROM \"CaseNotes\" n WHERE n.\"CaseId\" = c.\"Id\"));");

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Activity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CounsellingDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellingDetails_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CounsellingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    CounsellorId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoteId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CounsellingSessions_CaseNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "CaseNotes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CounsellingSessions_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    AddressCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    NameCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Facilities_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    NoteCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PurposeCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabourSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    EmployerNameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    TitleCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabourSteps_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceEpisodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AssignedLawyerId = table.Column<Guid>(type: "uuid", nullable: false),
                    VenueKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OffenceCategory = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProceduralRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AmountClaimed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AmountAwarded = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    FileNumberCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    VenueNameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    ProtectiveMeasures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalCases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LegalCases_ServiceEpisodes_ServiceEpisodeId",
                        column: x => x.ServiceEpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReintegrationGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    DescriptionCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReintegrationGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReintegrationGoals_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Repatriations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ToCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartnerKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlannedTravelOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualTravelOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    PartnerContactCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PartnerNameCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Repatriations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Repatriations_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Admissions_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Admissions_ServiceEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "ServiceEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Hearings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OutcomeRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CourtCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false),
                    OutcomeCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    PurposeCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hearings_LegalCases_LegalCaseId",
                        column: x => x.LegalCaseId,
                        principalTable: "LegalCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalStageChanges_LegalCases_LegalCaseId",
                        column: x => x.LegalCaseId,
                        principalTable: "LegalCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivilegedNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContentCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivilegedNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivilegedNotes_LegalCases_LegalCaseId",
                        column: x => x.LegalCaseId,
                        principalTable: "LegalCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepatriationStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RepatriationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepatriationStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepatriationStatusChanges_Repatriations_RepatriationId",
                        column: x => x.RepatriationId,
                        principalTable: "Repatriations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_LastActivityOn",
                table: "Cases",
                columns: new[] { "OrganisationId", "LastActivityOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Admissions_EpisodeId",
                table: "Admissions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Admissions_FacilityId_DischargedOn",
                table: "Admissions",
                columns: new[] { "FacilityId", "DischargedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_EpisodeId_Date_Activity",
                table: "Attendances",
                columns: new[] { "EpisodeId", "Date", "Activity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingDetails_EpisodeId",
                table: "CounsellingDetails",
                column: "EpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingSessions_EpisodeId_Date",
                table: "CounsellingSessions",
                columns: new[] { "EpisodeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingSessions_NoteId",
                table: "CounsellingSessions",
                column: "NoteId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_OrganisationId_DataKeyVersion",
                table: "Facilities",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EpisodeId_DueOn",
                table: "FollowUps",
                columns: new[] { "EpisodeId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganisationId_DataKeyVersion",
                table: "FollowUps",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganisationId_DueOn_DoneOn",
                table: "FollowUps",
                columns: new[] { "OrganisationId", "DueOn", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Hearings_LegalCaseId_ScheduledAt",
                table: "Hearings",
                columns: new[] { "LegalCaseId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hearings_OrganisationId_DataKeyVersion",
                table: "Hearings",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Hearings_OrganisationId_ScheduledAt",
                table: "Hearings",
                columns: new[] { "OrganisationId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourSteps_EpisodeId_Date",
                table: "LabourSteps",
                columns: new[] { "EpisodeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourSteps_OrganisationId_DataKeyVersion",
                table: "LabourSteps",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_LabourSteps_OrganisationId_Kind_Date",
                table: "LabourSteps",
                columns: new[] { "OrganisationId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_CaseId",
                table: "LegalCases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_OrganisationId_AssignedLawyerId",
                table: "LegalCases",
                columns: new[] { "OrganisationId", "AssignedLawyerId" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_OrganisationId_CaseId",
                table: "LegalCases",
                columns: new[] { "OrganisationId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_OrganisationId_DataKeyVersion",
                table: "LegalCases",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalCases_ServiceEpisodeId",
                table: "LegalCases",
                column: "ServiceEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalStageChanges_LegalCaseId",
                table: "LegalStageChanges",
                column: "LegalCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CaseId",
                table: "Notifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganisationId_RecipientId_ReadAt",
                table: "Notifications",
                columns: new[] { "OrganisationId", "RecipientId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_Key",
                table: "Notifications",
                columns: new[] { "RecipientId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrivilegedNotes_LegalCaseId_Id",
                table: "PrivilegedNotes",
                columns: new[] { "LegalCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivilegedNotes_OrganisationId_DataKeyVersion",
                table: "PrivilegedNotes",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_ReintegrationGoals_EpisodeId_Id",
                table: "ReintegrationGoals",
                columns: new[] { "EpisodeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReintegrationGoals_OrganisationId_DataKeyVersion",
                table: "ReintegrationGoals",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Repatriations_EpisodeId",
                table: "Repatriations",
                column: "EpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Repatriations_OrganisationId_DataKeyVersion",
                table: "Repatriations",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_RepatriationStatusChanges_RepatriationId_Status",
                table: "RepatriationStatusChanges",
                columns: new[] { "RepatriationId", "Status" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Admissions");

            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "CounsellingDetails");

            migrationBuilder.DropTable(
                name: "CounsellingSessions");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "Hearings");

            migrationBuilder.DropTable(
                name: "LabourSteps");

            migrationBuilder.DropTable(
                name: "LegalStageChanges");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PrivilegedNotes");

            migrationBuilder.DropTable(
                name: "ReintegrationGoals");

            migrationBuilder.DropTable(
                name: "RepatriationStatusChanges");

            migrationBuilder.DropTable(
                name: "Facilities");

            migrationBuilder.DropTable(
                name: "LegalCases");

            migrationBuilder.DropTable(
                name: "Repatriations");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_LastActivityOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LastActivityOn",
                table: "Cases");
        }
    }
}
