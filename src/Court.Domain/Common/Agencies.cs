namespace Court.Domain.Common;

/// <summary>An agency the court works with; its code scopes what its officers see.</summary>
public sealed record Agency(string Code, string NameZh, string NameEn, AgencyKind Kind);

public enum AgencyKind
{
    NaturalResources,
    VehicleOffice,
    Bank,
    MarketRegulation,
    Supervision,
    PostalCarrier,
}

/// <summary>The agencies of the Jiangjin pilot. Banks are named individually: each sees only its own notices.</summary>
public static class Agencies
{
    public static readonly Agency NaturalResources = new("nrb-jiangjin", "重庆市江津区规划和自然资源局（不动产登记中心）", "Jiangjin Natural Resources Bureau (Real Estate Registry)", AgencyKind.NaturalResources);
    public static readonly Agency VehicleOffice = new("psb-vehicles-jiangjin", "重庆市公安局江津区分局车辆管理所", "Jiangjin Public Security Vehicle Office", AgencyKind.VehicleOffice);
    public static readonly Agency Bank = new("bank-ccb-jiangjin", "中国建设银行重庆江津支行", "China Construction Bank, Jiangjin Branch", AgencyKind.Bank);
    public static readonly Agency MarketRegulation = new("market-jiangjin", "重庆市江津区市场监督管理局", "Jiangjin Market Regulation Administration", AgencyKind.MarketRegulation);
    public static readonly Agency Supervision = new("supervision-jiangjin", "江津区委督查室", "Jiangjin Supervision Office", AgencyKind.Supervision);
    public static readonly Agency PostalCarrier = new("ems-jiangjin", "中国邮政EMS江津分公司（法院专递）", "China Post EMS Jiangjin (judicial express)", AgencyKind.PostalCarrier);

    public static readonly IReadOnlyList<Agency> All = [NaturalResources, VehicleOffice, Bank, MarketRegulation, Supervision, PostalCarrier];

    public static Agency? Find(string? code) => All.FirstOrDefault(a => a.Code == code);
}
