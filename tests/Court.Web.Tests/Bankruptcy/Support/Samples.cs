namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>Valid identifiers for requests; each credit code's check character is right.</summary>
public static class Samples
{
    public const string CaseNumber = "(2022)渝0116破3号";
    public const string DebtorName = "重庆江津某某机械制造有限公司";
    public const string DebtorCreditCode = "91500116MA5U5X7A8B";

    public static object OpenCase(string caseNumber = CaseNumber, string creditCode = DebtorCreditCode, string debtor = DebtorName) => new
    {
        caseNumber,
        debtorName = debtor,
        debtorCreditCode = creditCode,
        acceptedOn = "2022-04-20",
        administratorUserId = "admin",
        administratorName = "重庆某某律师事务所",
    };
}
