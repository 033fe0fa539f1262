using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Bankruptcy;

/// <summary>A message about one bankruptcy case, or about something of one case (located through <see cref="CaseLink"/>).</summary>
public interface ICaseScoped
{
    /// <summary>The case id itself, or a case-link key ("asset:…", "release-request:…").</summary>
    string CaseScope { get; }
}

/// <summary>A message about one assisted-enforcement notice.</summary>
public interface INoticeScoped
{
    string NoticeId { get; }
}

/// <summary>
/// "May the caller send this?" for the forms a page offers and the actions a query lists: the message's own
/// registered rules (<see cref="BankruptcyModule"/>'s table), asked as the pipeline asks them, so what is offered and
/// what the command accepts are one rule.
/// </summary>
public sealed class BankruptcyPermissions(IServiceProvider services, ICallerContext caller)
{
    public async Task<bool> MayAsync<T>(T message, CancellationToken ct)
    {
        foreach (var rule in services.GetServices<IAuthorizationRule<T>>())
        {
            if (await rule.EvaluateAsync(message, caller, ct) != AuthorizationOutcome.Allowed)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Bankruptcy's resource rules over the shared <see cref="Access"/> (docs/decisions/0007): a case's parties are its
/// court and appointed administrator; a notice's are those plus the addressee agency. Not yours: 404; yours but not
/// your role's business: 403. Each message's rule is registered in <see cref="BankruptcyModule"/>, in one table.
/// </summary>
public static class BankruptcyAccess
{
    public static ResourceParties PartiesOf(CaseView view) => new(view.CourtCode, view.AdministratorUserId);

    public static ResourceParties PartiesOf(NoticeView notice, CaseView? view) => new(view?.CourtCode, view?.AdministratorUserId, [notice.Agency]);

    /// <summary>The case a case-scoped key belongs to (null when there is none).</summary>
    public static async Task<CaseView?> CaseOfAsync(IReadModels reads, string scope, CancellationToken ct)
    {
        var estateId = scope.Contains(':', StringComparison.Ordinal) ? (await reads.GetAsync<CaseLink>(scope, ct))?.EstateId : scope;
        return estateId is null ? null : await reads.GetAsync<CaseView>(estateId, ct);
    }

    /// <summary>Acting on a case (or something of it) takes one of <paramref name="roles"/>; with none given, seeing it is enough (a query).</summary>
    public static IServiceCollection AllowOnCase<T>(this IServiceCollection services, params string[] roles)
        where T : ICaseScoped =>
        services.AddScoped<IAuthorizationRule<T>>(sp => new CaseRule<T>(sp.GetRequiredService<IReadModels>(), roles));

    /// <summary>Acting on a notice takes one of <paramref name="roles"/>; with none given, seeing it is enough (a query).</summary>
    public static IServiceCollection AllowOnNotice<T>(this IServiceCollection services, params string[] roles)
        where T : INoticeScoped =>
        services.AddScoped<IAuthorizationRule<T>>(sp => new NoticeRule<T>(sp.GetRequiredService<IReadModels>(), roles));

    private static AuthorizationOutcome Judge(ICallerContext caller, ResourceParties parties, string[] roles) =>
        roles.Length == 0 ? Access.See(caller, parties) : Access.Act(caller, parties, roles);

    private sealed class CaseRule<T>(IReadModels reads, string[] roles) : IAuthorizationRule<T>
        where T : ICaseScoped
    {
        public async ValueTask<AuthorizationOutcome> EvaluateAsync(T message, ICallerContext caller, CancellationToken cancellationToken) =>
            string.IsNullOrEmpty(message.CaseScope) ? AuthorizationOutcome.Allowed
            : await CaseOfAsync(reads, message.CaseScope, cancellationToken) is { } view ? Judge(caller, PartiesOf(view), roles)
            : AuthorizationOutcome.Hidden;
    }

    private sealed class NoticeRule<T>(IReadModels reads, string[] roles) : IAuthorizationRule<T>
        where T : INoticeScoped
    {
        public async ValueTask<AuthorizationOutcome> EvaluateAsync(T message, ICallerContext caller, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(message.NoticeId) || await reads.GetAsync<NoticeView>(message.NoticeId, cancellationToken) is not { } notice)
            {
                return AuthorizationOutcome.Hidden;
            }

            return Judge(caller, PartiesOf(notice, await reads.GetAsync<CaseView>(notice.EstateId, cancellationToken)), roles);
        }
    }
}
