using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Cases recorded before activity was kept: their last known activity is their opening.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"LastActivityOn\" = \"OpenedOn\";");

            migrationBuilder.CreateTable(
                name: "CounsellingDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CounsellorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PurposeCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployerNameCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TitleCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
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
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MailedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DataKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_LastActivityOn",
                table: "Cases",
                columns: new[] { "OrganisationId", "LastActivityOn" });

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
                name: "IX_ReintegrationGoals_EpisodeId_Id",
                table: "ReintegrationGoals",
                columns: new[] { "EpisodeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReintegrationGoals_OrganisationId_DataKeyVersion",
                table: "ReintegrationGoals",
                columns: new[] { "OrganisationId", "DataKeyVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounsellingDetails");

            migrationBuilder.DropTable(
                name: "CounsellingSessions");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "LabourSteps");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReintegrationGoals");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_LastActivityOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LastActivityOn",
                table: "Cases");
        }
    }
}
