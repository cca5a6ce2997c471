using Microsoft.EntityFrameworkCore;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>The portal's model on PostgreSQL: its own type only so that its migrations are kept apart from SQLite's.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
