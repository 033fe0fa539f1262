using Court.Domain.Calendars;

namespace Court.Domain.Service;

public enum PeriodKind
{
    /// <summary>答辩期: 15 days (CPL Art. 128).</summary>
    Answer,

    /// <summary>上诉期: 15 days from a judgment, 10 from a ruling (CPL Art. 171).</summary>
    Appeal,

    /// <summary>交费期: 7 days (Fee Measures Art. 22).</summary>
    FeePayment,

    /// <summary>举证期限: as the court sets it (SPC Evidence Provisions Art. 51).</summary>
    Evidence,
}

/// <summary>A period that runs from service: its length and last day.</summary>
public sealed record RunningPeriod(PeriodKind Kind, int Days, DateOnly StartsAfter, DateOnly LastDay);

/// <summary>
/// The periods that run from service of a document. CPL Art. 85: the day of service is not counted; a period whose
/// last day is a holiday ends on the first working day after it.
/// </summary>
public static class ServicePeriods
{
    public const int AnswerDays = 15;
    public const int JudgmentAppealDays = 15;
    public const int RulingAppealDays = 10;
    public const int FeePaymentDays = 7;

    public static IReadOnlyList<RunningPeriod> From(ServedDocument document, DateOnly servedOn, WorkingDayCalendar calendar, ServicePeriodLengths? lengths = null)
    {
        var days = lengths ?? ServicePeriodLengths.Statutory;
        RunningPeriod Period(PeriodKind kind, int days) => new(kind, days, servedOn, calendar.EndOfCalendarDayPeriod(servedOn, days));

        return document.Kind switch
        {
            ServedDocumentKind.Summons => [Period(PeriodKind.Answer, days.Answer)],
            ServedDocumentKind.Judgment => [Period(PeriodKind.Appeal, days.JudgmentAppeal)],
            ServedDocumentKind.Ruling => [Period(PeriodKind.Appeal, days.RulingAppeal)],
            ServedDocumentKind.FeeNotice => [Period(PeriodKind.FeePayment, days.FeePayment)],
            ServedDocumentKind.EvidenceNotice when document.EvidenceDays is { } evidence => [Period(PeriodKind.Evidence, evidence)],
            _ => [],
        };
    }
}

/// <summary>The lengths of the periods that run from service, in calendar days (a court's workflow definition names them).</summary>
public sealed record ServicePeriodLengths(int Answer, int JudgmentAppeal, int RulingAppeal, int FeePayment)
{
    public static ServicePeriodLengths Statutory { get; } = new(ServicePeriods.AnswerDays, ServicePeriods.JudgmentAppealDays, ServicePeriods.RulingAppealDays, ServicePeriods.FeePaymentDays);
}
