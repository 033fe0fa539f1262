namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>Valid request bodies; each credit code's and VIN's check character is right.</summary>
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

    public static object Building(string unitCode = "500116001001GB00001F00010001", string description = "厂房一栋（钢结构）") => new
    {
        kind = "Building",
        description,
        holdingAgency = "nrb-jiangjin",
        estimatedValueFen = 120_000_000_00L,
        certificateNumber = "渝（2019）江津区不动产权第0001234号",
        unitCode,
        location = "江津区几江街道滨江路1号",
        areaSquareMetres = 1520.5m,
        use = "工业",
    };

    public static readonly object Vehicle = new
    {
        kind = "Vehicle",
        description = "重型货车一辆",
        holdingAgency = "psb-vehicles-jiangjin",
        estimatedValueFen = 35_000_000L,
        plate = "渝A12345",
        vin = "LSVAM4187C2184847",
    };

    public static object Seizure(string body = "重庆市江津区人民法院", string document = "(2021)渝0116执100号", string rank = "First") => new
    {
        seizingBody = body,
        seizingBodySuperior = body.Contains("法院", StringComparison.Ordinal) ? "重庆市第五中级人民法院" : "国家税务总局重庆市税务局",
        documentNumber = document,
        seizedOn = "2021-05-10",
        rank,
        registrationReference = "渝(2021)江津区不动产查封第0000077号",
    };
}
