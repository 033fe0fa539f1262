using System.Security.Cryptography;
using System.Text;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims;

/// <summary>Runs a small-claims command against its case: loads the fee schedules, asks the decider, appends at the expected version.</summary>
public sealed class SmallClaimsCases(AggregateStore store, WorkflowRuntime workflows, FeeSchedules schedules, WorkingDayCalendar calendar, DocumentIssuer documents, IReadModels readModels)
{
    public const string WorkflowId = "small-claims";

    /// <summary>
    /// Steps of the process go through the workflow runtime (which checks the state and the caller's role and records
    /// the transition); bookkeeping such as payments goes straight to the case, in any state.
    /// </summary>
    public async Task<long> ExecuteAsync(string caseId, SmallClaimsCommand command, long? ifMatch = null, IWorkflowCommand? step = null, CancellationToken cancellationToken = default)
    {
        var decide = await DeciderAsync(command, null, cancellationToken);
        var version = step is null
            ? await store.ExecuteAsync(caseId, decide, ifMatch, cancellationToken: cancellationToken)
            : await workflows.FireAsync(step, decide, ifMatch, cancellationToken);
        return await IssueNoticeDocumentsAsync(caseId, version, cancellationToken);
    }

    /// <summary>Files the case and starts its workflow in one append; filing it again changes nothing.</summary>
    public async Task<long> FileAsync(FileSmallClaimsCase file, ThresholdPeriod? threshold, CancellationToken cancellationToken = default)
    {
        var decide = await DeciderAsync(file, threshold, cancellationToken);
        var version = (await store.LoadAsync<SmallClaimsCase>(file.CaseId, cancellationToken)).Exists
            ? await store.ExecuteAsync(file.CaseId, decide, cancellationToken: cancellationToken)
            : await workflows.StartAsync(WorkflowId, file.CaseId, decide, cancellationToken: cancellationToken);
        return await IssueNoticeDocumentsAsync(file.CaseId, version, cancellationToken);
    }

    /// <summary>
    /// Issues every fee notice of the case that has no document yet as a 交纳诉讼费用通知书 and keeps its number on the
    /// case. The document id derives from the notice id, so a retry after a failure between the two finds the same
    /// document, and any later command of the case finishes what an interrupted one left. Returns the stream version.
    /// </summary>
    private async Task<long> IssueNoticeDocumentsAsync(string caseId, long version, CancellationToken cancellationToken)
    {
        var notices = (await readModels.ListAsync<FeeNoticeView>(cancellationToken: cancellationToken)).Where(n => n.CaseId == caseId && n.DocumentNumber is null).ToList();
        if (notices.Count == 0 || await readModels.GetAsync<SmallClaimsCaseView>(caseId, cancellationToken) is not { } view)
        {
            return version;
        }

        foreach (var notice in notices)
        {
            var issued = await documents.IssueAsync(FeeNoticeDocument(view, notice), cancellationToken);
            version = await store.ExecuteAsync<SmallClaimsCase>(caseId, (state, _) => SmallClaimsDecider.Decide(state, new RecordFeeNoticeDocument(notice.NoticeId, issued.Number), new SmallClaimsContext(default, FeeScheduleCatalog.BuiltIn, null, calendar)), cancellationToken: cancellationToken);
        }

        return version;
    }

    private static DocumentToIssue FeeNoticeDocument(SmallClaimsCaseView view, FeeNoticeView notice)
    {
        var amount = Money.Format(notice.AmountFen);
        var due = notice.DueOn.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        var body = notice.Reason == FeeNoticeReason.Filing
            ? $"你方与{view.Defendant}纠纷一案，本院已立案受理，适用小额诉讼程序审理。依照《诉讼费用交纳办法》第十三条、第十六条、第二十二条的规定，你方应预交案件受理费人民币{amount}元。"
            : $"你方与{view.Defendant}纠纷一案，本院已裁定转换审理程序。依照《诉讼费用交纳办法》的规定，你方应补交案件受理费人民币{amount}元。";
        return new DocumentToIssue(
            DocumentKind.FeeNotice,
            view.CourtCode,
            SmallClaimsCase.StreamPrefix + view.Id,
            new DocumentContent(
                "交纳诉讼费用通知书",
                view.CaseNumber,
                view.Plaintiff,
                null,
                [
                    DocumentSection.Text(body, $"请于{due}前交纳。期满仍未交纳的，按撤诉处理。"),
                    DocumentSection.Table("费用", new DocumentField("案件受理费", amount + " 元"), new DocumentField("缴费期限", due), new DocumentField("通知编号", notice.NoticeId)),
                ]),
            DocumentIdFor(notice.NoticeId));
    }

    private static Guid DocumentIdFor(string noticeId) => new(SHA256.HashData(Encoding.UTF8.GetBytes("court:fee-notice-document:" + noticeId)).AsSpan(0, 16));

    private async Task<Func<SmallClaimsCase, DateTimeOffset, Decision>> DeciderAsync(SmallClaimsCommand command, ThresholdPeriod? threshold, CancellationToken cancellationToken)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        return (state, now) => SmallClaimsDecider.Decide(state, command, new SmallClaimsContext(now, catalog, threshold, calendar));
    }

    /// <summary>A case's id comes from its canonical case number, so the same case cannot be filed twice.</summary>
    public static string IdFor(string canonicalCaseNumber)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("court:small-claims-case:" + canonicalCaseNumber));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}

/// <summary>The change a case command made: the case and its stream version (the next If-Match).</summary>
public sealed record CaseChanged(string Id, long Version);

public static class YuanInput
{
    /// <summary>A JSON amount in yuan as fen, or null when it has more than two decimals or is out of range.</summary>
    public static long? ToFen(decimal? yuan) =>
        yuan is { } y && y >= 0 && y <= Money.MaxFen / 100 && y * 100 == decimal.Truncate(y * 100) ? (long)(y * 100) : null;
}
