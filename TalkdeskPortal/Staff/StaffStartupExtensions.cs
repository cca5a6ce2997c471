using Microsoft.EntityFrameworkCore;

namespace TalkdeskPortal.Staff;

public static class StaffStartupExtensions
{
    /// <summary>
    /// Seeds roles and the first admin. Several instances starting together on one PostgreSQL may race to create the
    /// same role: the loser's insert breaks a unique index, and its next pass finds the row the winner made.
    /// </summary>
    public static async Task SeedStaffAsync(this WebApplication app)
    {
        for (var pass = 1; ; pass++)
        {
            try
            {
                await app.Services.GetRequiredService<StaffSeeder>().SeedAsync();
                return;
            }
            catch (DbUpdateException) when (pass < 3)
            {
                await Task.Delay(200 * pass);
            }
        }
    }

    public static WebApplication MapStaffAccount(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAccountEndpoints();
        return app;
    }
}
