using Court.Application.Common;
using Court.Application.Documents;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Infrastructure.Documents;
using Court.Infrastructure.Persistence;
using Court.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Documents;

/// <summary>The documents capability on a real database of the given provider, with a fixed key and fake time.</summary>
internal sealed class DocumentsHost : IAsyncDisposable
{
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly TestDatabase database;

    private DocumentsHost(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        this.database = database;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<DocumentsHost> StartAsync(DatabaseProvider provider)
    {
        var database = TestDatabase.For(provider);
        await database.InitializeAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 3, 10, 2, 0, 0, TimeSpan.Zero));
        var services = await CourtServices.BuildAsync(database, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddDocumentsInfrastructure();
            s.AddSingleton<IVerificationKey>(new FixedKey(Key));
            s.AddScoped<ICallerContext>(_ => new FixedCaller("judge.li", null, new HashSet<string> { Roles.Judge }, Guid.NewGuid()));
        });
        return new DocumentsHost(database, services, clock);
    }

    /// <summary>Runs <paramref name="action"/> with a fresh scope's issuer, as one request would.</summary>
    public async Task<T> WithIssuerAsync<T>(Func<DocumentIssuer, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DocumentIssuer>());
    }

    public static DocumentToIssue Notice(string source = "release-request-1", Guid? id = null) => new(
        DocumentKind.AssistedEnforcementNotice,
        "渝0116",
        source,
        new DocumentContent(
            "协助执行通知书",
            "(2022)渝0116破1号",
            "重庆市江津区规划和自然资源局",
            Agencies.NaturalResources.Code,
            [DocumentSection.Text("请协助解除对下列财产的查封。"), DocumentSection.Table("财产", new DocumentField("坐落", "江津区几江街道鼎山大道88号"))]),
        id);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class FixedKey(byte[] key) : IVerificationKey
    {
        public ReadOnlySpan<byte> Key => key;
    }
}
