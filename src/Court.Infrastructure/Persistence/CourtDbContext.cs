using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// The one database: the event log, stream heads, read-model documents, checkpoints, idempotency keys, timers, and
/// Identity. Each provider has its own subclass so that each keeps its own migrations.
/// Names are snake_case so raw SQL reads the same on SQLite and PostgreSQL.
/// </summary>
public abstract class CourtDbContext(DbContextOptions options) : IdentityDbContext<CourtUser>(options)
{
    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<StreamRecord> Streams => Set<StreamRecord>();

    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<DocumentKeyRecord> DocumentKeys => Set<DocumentKeyRecord>();

    public DbSet<ProjectionCheckpointRecord> ProjectionCheckpoints => Set<ProjectionCheckpointRecord>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<TimerRecord> Timers => Set<TimerRecord>();

    public DbSet<SharedKeyRecord> SharedKeys => Set<SharedKeyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<EventRecord>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).HasColumnName("position").ValueGeneratedOnAdd();
            e.Property(x => x.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.Type).HasColumnName("type").HasMaxLength(200);
            e.Property(x => x.Data).HasColumnName("data");
            e.Property(x => x.Metadata).HasColumnName("metadata");
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(64);
            e.HasIndex(x => new { x.StreamId, x.Version }).IsUnique().HasDatabaseName("ux_events_stream_version");
            e.HasIndex(x => x.EventId).IsUnique().HasDatabaseName("ux_events_event_id");
        });

        builder.Entity<StreamRecord>(e =>
        {
            e.ToTable("streams");
            e.HasKey(x => x.StreamId);
            e.Property(x => x.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.LastHash).HasColumnName("last_hash").HasMaxLength(64);
            e.Property(x => x.TruncateBefore).HasColumnName("truncate_before");
            e.Property(x => x.Deleted).HasColumnName("deleted");
        });

        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("documents");
            e.HasKey(x => new { x.Collection, x.Id });
            e.Property(x => x.Collection).HasColumnName("collection").HasMaxLength(100);
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(200);
            e.Property(x => x.Partition).HasColumnName("partition").HasMaxLength(200);
            e.Property(x => x.Projection).HasColumnName("projection").HasMaxLength(100);
            e.Property(x => x.Data).HasColumnName("data");
            e.Property(x => x.Position).HasColumnName("position");
            e.HasIndex(x => new { x.Collection, x.Partition }).HasDatabaseName("ix_documents_collection_partition");
            e.HasIndex(x => x.Projection).HasDatabaseName("ix_documents_projection");
        });

        builder.Entity<DocumentKeyRecord>(e =>
        {
            e.ToTable("document_keys");
            e.HasKey(x => new { x.Collection, x.Id, x.Name });
            e.Property(x => x.Collection).HasColumnName("collection").HasMaxLength(100);
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(200);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(50);
            e.Property(x => x.Value).HasColumnName("value");
            e.Property(x => x.Partition).HasColumnName("partition").HasMaxLength(200);
            e.HasIndex(x => new { x.Collection, x.Name, x.Value, x.Id }).HasDatabaseName("ix_document_keys_sort");
            e.HasIndex(x => new { x.Collection, x.Name, x.Partition, x.Value, x.Id }).HasDatabaseName("ix_document_keys_partition_sort");
        });

        builder.Entity<ProjectionCheckpointRecord>(e =>
        {
            e.ToTable("projection_checkpoints");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.Position).HasColumnName("position");
        });

        builder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasColumnName("key").HasMaxLength(400);
            e.Property(x => x.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            e.Property(x => x.StatusCode).HasColumnName("status_code");
            e.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(200);
            e.Property(x => x.Body).HasColumnName("body");
            e.Property(x => x.Location).HasColumnName("location").HasMaxLength(1000);
            e.Property(x => x.ETag).HasColumnName("etag").HasMaxLength(100);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Holder).HasColumnName("holder").HasMaxLength(32);
            e.Property(x => x.LeaseUntil).HasColumnName("lease_until");
            e.HasIndex(x => x.CreatedAt).HasDatabaseName("ix_idempotency_keys_created_at");
        });

        builder.Entity<SharedKeyRecord>(e =>
        {
            e.ToTable("shared_keys");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
            e.Property(x => x.Value).HasColumnName("value");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });

        builder.Entity<TimerRecord>(e =>
        {
            e.ToTable("timers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(300);
            e.Property(x => x.StreamId).HasColumnName("stream_id").HasMaxLength(200);
            e.Property(x => x.WorkflowId).HasColumnName("workflow_id").HasMaxLength(100);
            e.Property(x => x.WorkflowVersion).HasColumnName("workflow_version");
            e.Property(x => x.State).HasColumnName("state").HasMaxLength(100);
            e.Property(x => x.Trigger).HasColumnName("trigger").HasMaxLength(100);
            e.Property(x => x.DueAt).HasColumnName("due_at");
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(200);
            e.Property(x => x.ClaimedUntil).HasColumnName("claimed_until");
            e.Property(x => x.FiredAt).HasColumnName("fired_at");
            e.HasIndex(x => new { x.Status, x.DueAt }).HasDatabaseName("ix_timers_status_due");
            e.HasIndex(x => x.StreamId).HasDatabaseName("ix_timers_stream");
        });
    }
}

public sealed class SqliteCourtDbContext(DbContextOptions<SqliteCourtDbContext> options) : CourtDbContext(options);

public sealed class PostgresCourtDbContext(DbContextOptions<PostgresCourtDbContext> options) : CourtDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Byte order, as on SQLite: pages sort the same on both providers, whatever the server's locale, and the
        // "absent" key value (U+FFFF) sorts last. Document ids too, since list keys are joined to them.
        builder.Entity<DocumentRecord>().Property(x => x.Id).UseCollation("C");
        builder.Entity<DocumentKeyRecord>().Property(x => x.Id).UseCollation("C");
        builder.Entity<DocumentKeyRecord>().Property(x => x.Value).UseCollation("C");
    }
}
