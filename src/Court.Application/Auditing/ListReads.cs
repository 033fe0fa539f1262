using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Auditing;

/// <summary>
/// The read-audit trail, newest first: who read which record when. Filters: the user, the case stream, the kind of
/// record, and a time range (<paramref name="From"/> inclusive, <paramref name="To"/> exclusive); <c>q</c> searches
/// user, agency, record and stream. The system administrator only.
/// </summary>
public sealed record ListReads(string? User = null, string? Stream = null, string? Kind = null, DateTimeOffset? From = null, DateTimeOffset? To = null, PageParameters? Page = null) : IQuery<Page<ReadEntry>>
{
    public static readonly ListSorts Sorts = new(ReadEntry.SortByAt) { DefaultDescending = true };
}

public sealed class ListReadsValidator : AbstractValidator<ListReads>
{
    public ListReadsValidator()
    {
        RuleFor(q => q.Page).PagedBy(ListReads.Sorts);
        RuleFor(q => q.To)
            .Must((q, to) => q.From is null || to is null || q.From < to)
            .WithName("to")
            .WithMessage(_ => Language.Say("结束时间须晚于开始时间。", "to must be later than from."));
    }
}

public sealed class ListReadsHandler(IReadModels reads) : IQueryHandler<ListReads, Page<ReadEntry>>
{
    public async ValueTask<Page<ReadEntry>> Handle(ListReads query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(ListReads.Sorts) with
        {
            // The sort key starts with the time, so a time range is a range on it.
            AtLeast = query.From is { } from ? ListKey.Encode(from) : null,
            Below = query.To is { } to ? ListKey.Encode(to) : null,
        };
        Filter(request, ReadEntry.UserKey, query.User);
        Filter(request, ReadEntry.StreamKey, query.Stream);
        Filter(request, ReadEntry.KindKey, query.Kind);
        return await reads.PageAsync<ReadEntry>(request, cancellationToken);
    }

    private static void Filter(PageRequest request, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            request.Filters[key] = [value.Trim()];
        }
    }
}

public static class AuditingModule
{
    /// <summary>The read-audit trail: its projection, and its query for the system administrator.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddSingleton<IProjection, ReadAuditProjection>();
        return services.AllowRoles<ListReads>(Roles.SystemAdministrator);
    }
}
