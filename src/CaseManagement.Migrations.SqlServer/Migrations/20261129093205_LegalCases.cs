using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LegalCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegalCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ServiceEpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    AssignedLawyerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VenueKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OffenceCategory = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProceduralRole = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AmountClaimed = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    AmountAwarded = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false),
                    FileNumberCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    VenueNameCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    ProtectiveMeasures = table.Column<int>(type: "int", nullable: false)
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
                name: "Hearings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OutcomeRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CourtCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false),
                    OutcomeCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    PurposeCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LegalCaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ContentCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false)
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
                name: "IX_PrivilegedNotes_LegalCaseId_Id",
                table: "PrivilegedNotes",
                columns: new[] { "LegalCaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivilegedNotes_OrganisationId_DataKeyVersion",
                table: "PrivilegedNotes",
                columns: new[] { "OrganisationId", "DataKeyVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Hearings");

            migrationBuilder.DropTable(
                name: "LegalStageChanges");

            migrationBuilder.DropTable(
                name: "PrivilegedNotes");

            migrationBuilder.DropTable(
                name: "LegalCases");
        }
    }
}
