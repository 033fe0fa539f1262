using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Fees;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.Identifiers;
using Court.Domain.SmallClaims;

namespace Court.Application.SmallClaims;

/// <summary>Runs a small-claims command against its case: loads the fee schedules, asks the decider, appends at the expected version.</summary>
public sealed class SmallClaimsCases(AggregateStore store, WorkflowRuntime workflows, FeeSchedules schedules, WorkingDayCalendar calendar, DocumentIssuer documents, IReadModels readModels)
{
    public const string WorkflowId = "small-claims";

    /// <summary>The periods the case's code reads from its definition (checked at start-up).</summary>
    public static readonly string[] PeriodNames = ["decision-limit", "limit-extension", "fee-payment"];

    /// <summary>A step of the process: through the workflow runtime, which checks state, roles and repeats, and records the transition.</summary>
    public async Task<long> ExecuteAsync(IWorkflowCommand<SmallClaimsCase> step, string caseId, SmallClaimsCommand command, CancellationToken cancellationToken = default)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        var version = await workflows.ExecuteAsync(step, (state, at) => SmallClaimsDecider.Decide(state, command, Context(at.Now, catalog, null, at.Definition)), cancellationToken);
        return await IssueNoticeDocumentsAsync(caseId, version, cancellationToken);
    }

    /// <summary>Bookkeeping (payments, refunds): straight to the case, in any state, under its pinned definition.</summary>
    public async Task<long> RecordAsync(string caseId, SmallClaimsCommand command, long? ifMatch, CancellationToken cancellationToken = default)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        var definition = (await workflows.LoadAsync(SmallClaimsCase.StreamPrefix + caseId, cancellationToken))?.Definition
            ?? throw new DomainException(DomainError.NotFound("small-claims.case-not-found", "There is no such small-claims case."));
        var version = await store.ExecuteAsync<SmallClaimsCase>(caseId, (state, now) => SmallClaimsDecider.Decide(state, command, Context(now, catalog, null, definition)), ifMatch, cancellationToken: cancellationToken);
        return await IssueNoticeDocumentsAsync(caseId, version, cancellationToken);
    }

    /// <summary>Files the case and starts its workflow (pinning the latest definition, whose periods time it) in one append; filing it again changes nothing.</summary>
    public async Task<long> FileAsync(FileSmallClaimsCase file, ThresholdPeriod? threshold, CancellationToken cancellationToken = default)
    {
        var catalog = await schedules.CatalogAsync(cancellationToken);
        var version = (await store.LoadAsync<SmallClaimsCase>(file.CaseId, cancellationToken)) is { Exists: true } existing
            ? existing.Version
            : await workflows.StartAsync<SmallClaimsCase>(WorkflowId, file.CaseId, (state, step) => SmallClaimsDecider.Decide(state, file, Context(step.Now, catalog, threshold, step.Definition)), cancellationToken: cancellationToken);
        return await IssueNoticeDocumentsAsync(file.CaseId, version, cancellationToken);
    }

    private SmallClaimsContext Context(DateTimeOffset now, FeeScheduleCatalog fees, ThresholdPeriod? threshold, WorkflowDefinition definition) =>
        new(now, fees, threshold, calendar, new SmallClaimsPeriods(
            definition.Period("decision-limit").Months ?? throw Unexpected("decision-limit"),
            definition.Period("limit-extension").Months ?? throw Unexpected("limit-extension"),
            definition.Period("fee-payment").Days ?? throw Unexpected("fee-payment")));

    private static InvalidOperationException Unexpected(string period) => new($"The small-claims period '{period}' has the wrong unit (decision-limit and limit-extension in months, fee-payment in days).");

    /// <summary>
    /// Issues every fee notice of the case that has no document yet as a 交纳诉讼费用通知书 and keeps its number on the
    /// case. The document id derives from the notice id, so a retry after a failure between the two finds the same
    /// document, and any later command of the case finishes what an interrupted one left. Returns the stream version.
    /// </summary>
    private async Task<long> IssueNoticeDocumentsAsync(string caseId, long version, CancellationToken cancellationToken)
    {
        var notices = (await readModels.AllAsync<FeeNoticeView>(new PageRequest(FeeNoticeView.SortByIssued) { Filters = { [FeeNoticeView.CaseKey] = [caseId] } }, cancellationToken)).Where(n => n.DocumentNumber is null).ToList();
        if (notices.Count == 0 || await readModels.GetAsync<SmallClaimsCaseView>(caseId, cancellationToken) is not { } view)
        {
            return version;
        }

        foreach (var notice in notices)
        {
            var issued = await documents.IssueAsync(FeeNoticeDocument(view, notice), cancellationToken);
            var record = new RecordFeeNoticeDocument(notice.NoticeId, issued.Number);
            version = await store.ExecuteAsync<SmallClaimsCase>(caseId, (state, now) => SmallClaimsDecider.Decide(state, record, new SmallClaimsContext(now, FeeScheduleCatalog.BuiltIn, null, calendar, new SmallClaimsPeriods(0, 0, 0))), cancellationToken: cancellationToken);
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

    private static Guid DocumentIdFor(string noticeId) => DeterministicGuid.From("court:fee-notice-document:" + noticeId);

    /// <summary>A case's id comes from its canonical case number, so the same case cannot be filed twice.</summary>
    public static string IdFor(string canonicalCaseNumber)
    {
        return DeterministicGuid.From("court:small-claims-case:" + canonicalCaseNumber).ToString("N");
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
