using Microsoft.EntityFrameworkCore;

namespace TalkdeskPortal.Data.PostgreSql;

/// <summary>Hands out the PostgreSQL context wherever the portal asks for its <see cref="PortalDbContext"/> factory.</summary>
public sealed class UpcastContextFactory(IDbContextFactory<PostgresPortalDbContext> inner) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
