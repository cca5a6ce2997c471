namespace TalkdeskPortal.Staff;

public static class StaffStartupExtensions
{
    public static Task SeedStaffAsync(this WebApplication app) => app.Services.GetRequiredService<StaffSeeder>().SeedAsync();

    public static WebApplication MapStaffAccount(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAccountEndpoints();
        return app;
    }
}
