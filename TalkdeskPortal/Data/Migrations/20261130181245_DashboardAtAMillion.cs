using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalkdeskPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardAtAMillion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_State_Deadline",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_InstallationId",
                table: "Tenants",
                column: "InstallationId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_Deadline_Kind",
                table: "Requests",
                columns: new[] { "State", "Deadline", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_EventId_RequestId",
                table: "Audit",
                columns: new[] { "EventId", "RequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tenants_InstallationId",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_Deadline_Kind",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Audit_EventId_RequestId",
                table: "Audit");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_Deadline",
                table: "Requests",
                columns: new[] { "State", "Deadline" });
        }
    }
}
