using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalkdeskPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_AccountName",
                table: "Requests",
                column: "AccountName");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CompletedAt",
                table: "Requests",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Events_FirstReceivedAt_Type",
                table: "Events",
                columns: new[] { "FirstReceivedAt", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_AccountName",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_CompletedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Events_FirstReceivedAt_Type",
                table: "Events");
        }
    }
}
