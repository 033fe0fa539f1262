namespace Court.Domain.GovernmentDebtors;

/// <summary>One movement of the debt, in the order recorded: a performance, or a settlement replacing what remains.</summary>
public sealed record DebtMovement(DateOnly On, PerformanceKind? Kind, long AmountFen);

/// <summary>What is owed on a day: principal and interest not yet performed.</summary>
public readonly record struct DebtBalance(long PrincipalFen, long InterestFen, long PerformedFen)
{
    public long OutstandingFen => PrincipalFen + InterestFen;
}

/// <summary>
/// The amount outstanding, always derived from the recorded movements: simple interest accrues daily on the unpaid
/// principal (actual days / 365) from the order's start; a performance pays interest first, then principal (Civil
/// Code Art. 561); a settlement replaces everything that remains by the agreed amount and stops interest.
/// </summary>
public static class DebtLedger
{
    public static DebtBalance BalanceOn(long principalFen, InterestOrder? interest, IEnumerable<DebtMovement> movements, DateOnly asOf)
    {
        decimal principal = principalFen;
        var accrued = 0m;
        var performed = 0L;
        var rate = interest?.AnnualRatePercent ?? 0m;
        var accruedTo = interest?.From ?? DateOnly.MaxValue;

        void AccrueTo(DateOnly day)
        {
            if (rate > 0 && day > accruedTo)
            {
                accrued += principal * rate / 100m * (day.DayNumber - accruedTo.DayNumber) / 365m;
                accruedTo = day;
            }
        }

        foreach (var m in movements.Where(m => m.On <= asOf))
        {
            AccrueTo(m.On);
            if (m.Kind is null)
            {
                principal = m.AmountFen;
                accrued = 0;
                rate = 0;
                continue;
            }

            performed += m.AmountFen;
            var interestDue = Round(accrued);
            if (m.AmountFen <= interestDue)
            {
                accrued -= m.AmountFen;
            }
            else
            {
                principal -= m.AmountFen - interestDue;
                accrued = 0;
            }
        }

        AccrueTo(asOf);
        return new DebtBalance((long)principal, Round(accrued), performed);
    }

    private static long Round(decimal fen) => (long)decimal.Round(fen, 0, MidpointRounding.AwayFromZero);
}
