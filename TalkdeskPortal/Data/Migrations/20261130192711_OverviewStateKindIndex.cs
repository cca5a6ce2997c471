using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalkdeskPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OverviewStateKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_Kind",
                table: "Requests",
                columns: new[] { "State", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_State_Kind",
                table: "Requests");
        }
    }
}
