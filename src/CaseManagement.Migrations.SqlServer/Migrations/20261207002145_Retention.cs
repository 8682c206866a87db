using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RetentionYearsAfterClosure",
                table: "Organisations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "Beneficiaries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalHold",
                table: "Beneficiaries",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LegalHoldSince",
                table: "Beneficiaries",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetentionYearsAfterClosure",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "LegalHold",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "LegalHoldSince",
                table: "Beneficiaries");
        }
    }
}
