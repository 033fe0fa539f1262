using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Court.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the connection strings here are never opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCourtDbContext>
{
    public SqliteCourtDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCourtDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCourtDbContext>
{
    public PostgresCourtDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCourtDbContext>().UseNpgsql("Host=localhost;Database=court_design").Options);
}
