using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Bankruptcy;

/// <summary>A message about one bankruptcy case (or about something of one case, located through <see cref="CaseLink"/>).</summary>
public interface ICaseScoped
{
    /// <summary>The case-link key of the resource: the case id itself, or "asset:…", "release-request:…".</summary>
    string CaseScope { get; }
}

/// <summary>A message about one assisted-enforcement notice.</summary>
public interface INoticeScoped
{
    string NoticeId { get; }
}

/// <summary>
/// Who may do what in bankruptcy. Roles first (403 when the caller's role may never send it); then the resource:
/// an administrator only on the cases he is appointed to, an agency officer only on notices addressed to his agency
/// (404 otherwise, so other parties' resources do not leak). Court staff are not scoped.
/// </summary>
public static class BankruptcyAccess
{
    public static readonly string[] CourtStaff = [Roles.Judge, Roles.Clerk, Roles.SystemAdministrator];

    public static bool IsCourtStaff(ICallerContext caller) => caller.IsInRole(Roles.System) || CourtStaff.Any(caller.IsInRole);

    public static bool HasAny(ICallerContext caller, IReadOnlyCollection<string> roles) => caller.IsInRole(Roles.System) || roles.Any(caller.IsInRole);

    /// <summary>The case a case-scoped key belongs to (null when it does not exist).</summary>
    public static async Task<CaseView?> CaseOfAsync(IReadModels reads, string scope, CancellationToken ct)
    {
        var estateId = scope.Contains(':', StringComparison.Ordinal) ? (await reads.GetAsync<CaseLink>(scope, ct))?.EstateId : scope;
        return estateId is null ? null : await reads.GetAsync<CaseView>(estateId, ct);
    }

    /// <summary>Whether the caller may see the case: court staff always, the appointed administrator for his own.</summary>
    public static bool MaySee(CaseView view, ICallerContext caller) =>
        IsCourtStaff(caller) || (caller.IsInRole(Roles.Administrator) && view.AdministratorUserId == caller.UserId);

    /// <summary>Registers a rule for <typeparamref name="T"/> allowing <paramref name="roles"/>, scoped to the case of the message.</summary>
    public static IServiceCollection AllowOnCase<T>(this IServiceCollection services, params string[] roles)
        where T : ICaseScoped =>
        services.AddScoped<IAuthorizationRule<T>>(sp => new CaseRule<T>(sp.GetRequiredService<IReadModels>(), roles));

    /// <summary>Registers a rule for a notice message: the addressee agency's officers (when <paramref name="addressee"/>) and <paramref name="roles"/>, scoped.</summary>
    public static IServiceCollection AllowOnNotice<T>(this IServiceCollection services, bool addressee, params string[] roles)
        where T : INoticeScoped =>
        services.AddScoped<IAuthorizationRule<T>>(sp => new NoticeRule<T>(sp.GetRequiredService<IReadModels>(), addressee, roles));

    /// <summary>A rule on role alone, for messages that are not about one resource.</summary>
    public static IServiceCollection AllowRoles<T>(this IServiceCollection services, params string[] roles) =>
        services.AddSingleton<IAuthorizationRule<T>>(new RoleRule<T>(roles));

    private sealed class RoleRule<T>(string[] roles) : IAuthorizationRule<T>
    {
        public ValueTask<AuthorizationOutcome> EvaluateAsync(T message, ICallerContext caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult(HasAny(caller, roles) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Forbidden);
    }

    private sealed class CaseRule<T>(IReadModels reads, string[] roles) : IAuthorizationRule<T>
        where T : ICaseScoped
    {
        public async ValueTask<AuthorizationOutcome> EvaluateAsync(T message, ICallerContext caller, CancellationToken cancellationToken)
        {
            if (!HasAny(caller, roles))
            {
                return AuthorizationOutcome.Forbidden;
            }

            if (IsCourtStaff(caller))
            {
                return AuthorizationOutcome.Allowed;
            }

            var view = await CaseOfAsync(reads, message.CaseScope, cancellationToken);
            return view is not null && MaySee(view, caller) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;
        }
    }

    private sealed class NoticeRule<T>(IReadModels reads, bool addressee, string[] roles) : IAuthorizationRule<T>
        where T : INoticeScoped
    {
        public async ValueTask<AuthorizationOutcome> EvaluateAsync(T message, ICallerContext caller, CancellationToken cancellationToken)
        {
            var isOfficer = addressee && caller.IsInRole(Roles.AgencyOfficer);
            if (!isOfficer && !HasAny(caller, roles))
            {
                return AuthorizationOutcome.Forbidden;
            }

            if (IsCourtStaff(caller))
            {
                return AuthorizationOutcome.Allowed;
            }

            var notice = await reads.GetAsync<NoticeView>(message.NoticeId, cancellationToken);
            if (notice is null)
            {
                return AuthorizationOutcome.Hidden;
            }

            if (isOfficer)
            {
                return caller.Agency is { } agency && agency == notice.Agency ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;
            }

            var view = await reads.GetAsync<CaseView>(notice.EstateId, cancellationToken);
            return view is not null && MaySee(view, caller) ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;
        }
    }
}
