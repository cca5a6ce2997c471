using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>Lets `dotnet ef migrations add … --context PostgresPortalDbContext` build the model; it never connects.</summary>
public sealed class DesignTimePostgresDbContextFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
