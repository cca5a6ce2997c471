using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Webhooks;

namespace TalkdeskPortal.Data.Configurations;

public sealed class LifecycleRequestConfiguration : IEntityTypeConfiguration<LifecycleRequest>
{
    public void Configure(EntityTypeBuilder<LifecycleRequest> builder)
    {
        // Every save of a request is conditional on the state it was read in (and on the decision attempt it
        // claimed): UPDATE … WHERE Id = @id AND State = @from. The loser of a race gets a concurrency error, never a win.
        builder.Property(r => r.State).IsConcurrencyToken();
        builder.Property(r => r.DecisionAttempts).IsConcurrencyToken();
        builder.Property(r => r.EventId).HasMaxLength(100);
        builder.HasIndex(r => r.EventId).IsUnique();
        builder.HasOne<ReceivedEvent>().WithMany().HasForeignKey(r => r.EventId);
        builder.Property(r => r.AppId).HasMaxLength(100);
        builder.Property(r => r.InstallationId).HasMaxLength(100);
        builder.Property(r => r.AccountId).HasMaxLength(100);
        builder.Property(r => r.AccountName).HasMaxLength(63);
        builder.Property(r => r.ApiRoot).HasMaxLength(512);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.FirstDecisionBy).HasMaxLength(256);
        // Kind rides along so the Overview's counts per kind and state read only this index.
        builder.HasIndex(r => new { r.State, r.Deadline, r.Kind });
        builder.HasIndex(r => new { r.State, r.Kind }); // the Overview's counts, in index order
        // The open requests by deadline (the queue's "expiring within 24 h"): PostgreSQL's planner would otherwise read
        // every open row through the State index. Built from RequestStates.Open, so a new state changes the model and
        // the migrations test asks for a migration.
        builder.HasIndex(r => r.Deadline).HasDatabaseName("IX_Requests_OpenByDeadline")
            .HasFilter($"\"State\" IN ({string.Join(", ", RequestStates.Open.Select(s => $"'{s}'"))})");
        builder.HasIndex(r => new { r.AccountId, r.EventCreatedAt });
        builder.HasIndex(r => r.InstallationId);
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasIndex(r => r.CompletedAt);
        builder.HasIndex(r => r.AccountName);
        builder.HasIndex(r => new { r.State, r.NextAttemptAt });
    }
}
