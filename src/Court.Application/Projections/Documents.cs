namespace Court.Application.Projections;

/// <summary>
/// Read models are JSON documents in collections, keyed by id, with an optional partition (the party a
/// document is addressed to: an agency code, an administrator's user id) that queries filter on.
/// </summary>
public interface IDocumentSession
{
    /// <summary>Loads a document, seeing this session's own pending writes.</summary>
    ValueTask<T?> LoadAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>All documents of a collection in a partition (null: all), seeing pending writes.</summary>
    ValueTask<IReadOnlyList<T>> QueryAsync<T>(string? partition = null, CancellationToken cancellationToken = default)
        where T : class;

    void Store<T>(string id, T document, string? partition = null)
        where T : class;

    void Delete<T>(string id)
        where T : class;
}

/// <summary>The query side's read-only view of the documents.</summary>
public interface IReadModels
{
    Task<T?> GetAsync<T>(string id, CancellationToken cancellationToken = default)
        where T : class;

    Task<IReadOnlyList<T>> ListAsync<T>(string? partition = null, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>The ids of a partition's documents, without their bodies (e.g. an administrator's estates, to read their requests as partitions).</summary>
    Task<IReadOnlyList<string>> IdsAsync<T>(string partition, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>One page of a listed collection, sorted, filtered and cut in SQL (see <see cref="PageRequest"/>).</summary>
    Task<Page<T>> PageAsync<T>(PageRequest request, CancellationToken cancellationToken = default)
        where T : class, IListed;

    /// <summary>
    /// How many documents a request matches (its sort key, <see cref="PageRequest.Below"/>, partitions, filters and
    /// search; cursor and limit ignored), counted in SQL and grouped by the value of list key <paramref name="groupBy"/>,
    /// or by partition when it is null: figures without loading the documents.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> CountByAsync<T>(PageRequest request, string? groupBy = null, CancellationToken cancellationToken = default)
        where T : class, IListed;

    /// <summary>The sort key's value of the match at <paramref name="index"/> (0 = first) in the request's order, null past the last: a median without the rows.</summary>
    Task<string?> ValueAtAsync<T>(PageRequest request, long index, CancellationToken cancellationToken = default)
        where T : class, IListed;
}

public static class ReadModelsPaging
{
    /// <summary>How many documents a request matches (see <see cref="IReadModels.CountByAsync{T}"/>).</summary>
    public static async Task<long> CountAsync<T>(this IReadModels reads, PageRequest request, CancellationToken cancellationToken = default)
        where T : class, IListed =>
        (await reads.CountByAsync<T>(request, null, cancellationToken)).Values.Sum();

    /// <summary>
    /// Every document of a narrow selection (e.g. one case's fee notices), read a page at a time in SQL: what the
    /// caller needs, not the whole collection filtered in memory.
    /// </summary>
    public static async Task<List<T>> AllAsync<T>(this IReadModels reads, PageRequest request, CancellationToken cancellationToken = default)
        where T : class, IListed
    {
        var all = new List<T>();
        for (var page = await reads.PageAsync<T>(request with { Limit = PageRequest.MaxLimit }, cancellationToken); ; page = await reads.PageAsync<T>(request with { Limit = PageRequest.MaxLimit, After = page.Next }, cancellationToken))
        {
            all.AddRange(page.Items);
            if (page.Next is null)
            {
                return all;
            }
        }
    }
}

/// <summary>Names a document collection; defaults to the CLR type name when absent.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CollectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> Names = new();

    /// <summary>The collection of documents of <paramref name="type"/> (looked up once per type: projections ask for every event).</summary>
    public static string NameOf(Type type) =>
        Names.GetOrAdd(type, t => t.GetCustomAttributes(typeof(CollectionAttribute), false) is [CollectionAttribute a, ..] ? a.Name : t.Name);
}
