using Court.Domain.Common;

namespace Court.Application.Common;

/// <summary>
/// Court staff write only in the name of their own court: a clerk of 渝0116 cannot open a case, or issue a document,
/// of the Fifth Intermediate or the High Court. Callers tied to no court (background code, the demo seeder acting as
/// the system) are not limited. The one place this rule lives; every write that names a court asks it.
/// </summary>
public static class CourtBinding
{
    /// <summary>Throws a 403 naming <paramref name="field"/> when the caller belongs to another court than <paramref name="court"/>.</summary>
    public static void Require(ICallerContext caller, string court, string field)
    {
        if (caller.IsInRole(Roles.System) || Pipeline.Access.InOwnCourt(caller, court))
        {
            return;
        }

        throw new DomainException(new DomainError(
            "court.not-callers-court",
            $"'{field}': {court} is not your court; you may write only in the name of {caller.Court}.",
            ErrorKind.Forbidden)
        {
            Field = field,
            MessageZh = $"“{field}”：{court} 不是您所在的法院，您只能以 {caller.Court} 的名义办理。",
        });
    }
}
