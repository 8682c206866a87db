using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrganisationKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "varbinary(60)", maxLength: 60, nullable: false),
                    MasterKeyId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Beneficiaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Sex = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AgeBandAtIdentification = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MinorAtIdentification = table.Column<bool>(type: "bit", nullable: false),
                    ExploitationTypes = table.Column<int>(type: "int", maxLength: 40, nullable: false),
                    CountryOfExploitation = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    YearOfIdentification = table.Column<int>(type: "int", nullable: false),
                    ReferralSource = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AddressCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    AliasesCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    CitizenshipCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false),
                    DateOfBirthCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DateOfBirthIndex = table.Column<int>(type: "int", nullable: true),
                    FullNameCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    FullNameIndex = table.Column<int>(type: "int", nullable: true),
                    NationalIdCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    NationalIdIndex = table.Column<int>(type: "int", nullable: true),
                    NotesCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    PhoneCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beneficiaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Beneficiaries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AssignedWorkerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ClosureNoteCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sensitivity = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ContentCipher = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    DataKeyVersion = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceEpisodes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_OrganisationId_DataKeyVersion",
                table: "Beneficiaries",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_OrganisationId_DateOfBirthIndex",
                table: "Beneficiaries",
                columns: new[] { "OrganisationId", "DateOfBirthIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_OrganisationId_FullNameIndex",
                table: "Beneficiaries",
                columns: new[] { "OrganisationId", "FullNameIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_OrganisationId_NationalIdIndex",
                table: "Beneficiaries",
                columns: new[] { "OrganisationId", "NationalIdIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_OrganisationId_YearOfIdentification",
                table: "Beneficiaries",
                columns: new[] { "OrganisationId", "YearOfIdentification" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_CaseId_Id",
                table: "CaseNotes",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_OrganisationId_DataKeyVersion",
                table: "CaseNotes",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_BeneficiaryId",
                table: "Cases",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AssignedWorkerId",
                table: "Cases",
                columns: new[] { "OrganisationId", "AssignedWorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_DataKeyVersion",
                table: "Cases",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_Status",
                table: "Cases",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationKeys_OrganisationId_Version",
                table: "OrganisationKeys",
                columns: new[] { "OrganisationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEpisodes_CaseId",
                table: "ServiceEpisodes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEpisodes_OrganisationId_Type_StartDate_EndDate",
                table: "ServiceEpisodes",
                columns: new[] { "OrganisationId", "Type", "StartDate", "EndDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "OrganisationKeys");

            migrationBuilder.DropTable(
                name: "ServiceEpisodes");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Beneficiaries");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
