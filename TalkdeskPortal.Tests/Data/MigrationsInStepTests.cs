using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;
using TalkdeskPortal.Data.PostgreSql;

namespace TalkdeskPortal.Tests.Data;

/// <summary>Both providers' migrations describe the model: a change without a migration for either fails here.</summary>
public sealed class MigrationsInStepTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: dotnet ef migrations add … --context PortalDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSql_migrations_cover_the_model()
    {
        using var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add … --context PostgresPortalDbContext -o TalkdeskPortal/Data/PostgreSql/Migrations");
        // Its own set, not SQLite's.
        var sqlite = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations();
        Assert.Empty(db.Database.GetMigrations().Intersect(sqlite));
    }
}
