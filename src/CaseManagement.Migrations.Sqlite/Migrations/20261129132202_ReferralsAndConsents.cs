using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferralsAndConsents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PurposesMask = table.Column<int>(type: "INTEGER", nullable: false),
                    DataItems = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentReferenceCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    WitnessCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Consents_Organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SenderOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServicesMask = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Shared = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConsentWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecipientBeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientBeneficiaryCreated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_SenderOrganisationId",
                        column: x => x.SenderOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: true),
                    WrappingKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyDestroyedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralShares_Referrals_Id",
                        column: x => x.Id,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralUpdates_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SentReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DataKeyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    RequestDigestCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SentReferrals_Referrals_Id",
                        column: x => x.Id,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_BeneficiaryId",
                table: "Consents",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ConsentId_Number",
                table: "Consents",
                columns: new[] { "ConsentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OrganisationId_BeneficiaryId_IsCurrent",
                table: "Consents",
                columns: new[] { "OrganisationId", "BeneficiaryId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_OrganisationId_DataKeyVersion",
                table: "Consents",
                columns: new[] { "OrganisationId", "DataKeyVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_RecipientOrganisationId",
                table: "Consents",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ConsentId",
                table: "Referrals",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_RecipientCaseId",
                table: "Referrals",
                column: "RecipientCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_RecipientOrganisationId_Status",
                table: "Referrals",
                columns: new[] { "RecipientOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SenderCaseId",
                table: "Referrals",
                column: "SenderCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SenderOrganisationId_Status",
                table: "Referrals",
                columns: new[] { "SenderOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralUpdates_ReferralId",
                table: "ReferralUpdates",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_SentReferrals_OrganisationId_CreatedBy_IdempotencyKey",
                table: "SentReferrals",
                columns: new[] { "OrganisationId", "CreatedBy", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentReferrals_OrganisationId_DataKeyVersion",
                table: "SentReferrals",
                columns: new[] { "OrganisationId", "DataKeyVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "ReferralShares");

            migrationBuilder.DropTable(
                name: "ReferralUpdates");

            migrationBuilder.DropTable(
                name: "SentReferrals");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
