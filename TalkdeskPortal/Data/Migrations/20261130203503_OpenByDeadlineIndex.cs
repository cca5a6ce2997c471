using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalkdeskPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenByDeadlineIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_OpenByDeadline",
                table: "Requests",
                column: "Deadline",
                filter: "\"State\" IN ('Received', 'Processing', 'AwaitingApproval', 'Deciding', 'Failed', 'Retrying', 'AwaitingProduct')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_OpenByDeadline",
                table: "Requests");
        }
    }
}
