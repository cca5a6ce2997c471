using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalkdeskPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetriesStagingAndConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DecisionSentAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextAttemptAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StagedJson",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_NextAttemptAt",
                table: "Requests",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_State_NextAttemptAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "DecisionSentAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "StagedJson",
                table: "Requests");
        }
    }
}
