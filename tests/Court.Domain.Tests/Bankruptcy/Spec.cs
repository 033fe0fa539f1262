using System.Text.Json;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;

namespace Court.Domain.Tests.Bankruptcy;

/// <summary>Given(events) / When(decision) / Then(events or error). Events compare by their JSON, so lists compare by content.</summary>
public static class Spec
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static TState Given<TState>(params IDomainEvent[] events)
        where TState : IAggregateState<TState> =>
        events.Aggregate(TState.Initial, (state, e) => state.Evolve(e));

    public static void Then(Decision decision, params IDomainEvent[] expected)
    {
        Assert.Null(decision.Error);
        Assert.Equal(expected.Select(Show), decision.Events.Select(Show));
    }

    public static void ThenNothing(Decision decision)
    {
        Assert.Null(decision.Error);
        Assert.Empty(decision.Events);
    }

    public static void ThenError(Decision decision, string code, ErrorKind? kind = null)
    {
        Assert.Empty(decision.Events);
        Assert.NotNull(decision.Error);
        Assert.Equal(code, decision.Error.Code);
        if (kind is not null)
        {
            Assert.Equal(kind, decision.Error.Kind);
        }
    }

    private static string Show(IDomainEvent e) => e.GetType().Name + " " + JsonSerializer.Serialize(e, e.GetType(), Json);
}

/// <summary>One estate with a building seized first by a district court and queued by the tax bureau, as events.</summary>
public static class Facts
{
    public const string EstateId = "estate-1";
    public const string AssetId = "asset-1";
    public const string FirstSeizure = "seizure-1";
    public const string QueuedSeizure = "seizure-2";
    public const string Judge = "judge";
    public const string Admin = "admin";
    public const string Bureau = "nrb-jiangjin";

    /// <summary>Thursday 2 June 2022, 10:00 in Chongqing.</summary>
    public static readonly DateTimeOffset Now = new(2022, 6, 2, 10, 0, 0, CourtCalendar.Offset);

    public static readonly CaseNumber Case = CaseNumber.Parse("(2022)渝0116破3号").Value;
    public static readonly CreditCode Debtor = CreditCode.Parse("91500116MA5U5X7A8B").Value;

    public static readonly AssetIdentifiers Building = new()
    {
        CertificateNumber = "渝(2019)江津区不动产权第0001234号",
        UnitCode = "500116001001GB00001F00010001",
        Location = "江津区几江街道滨江路1号",
        AreaSquareMetres = 1520.5m,
        Use = "工业",
    };

    public static BankruptcyCaseOpened Opened => new(EstateId, Case.Value, "渝0116", "重庆江津某某机械制造有限公司", Debtor.Value, new DateOnly(2022, 4, 20), Admin, "重庆某某律师事务所", "clerk", Now.AddDays(-40));

    public static AssetRegistered BuildingRegistered => new(EstateId, AssetId, AssetKind.Building, "厂房一栋", Building, Bureau, 1_200_000_00, Admin, Now.AddDays(-30));

    public static SeizureRecorded FirstSeized => new(EstateId, AssetId, FirstSeizure, "重庆市江津区人民法院", "重庆市第五中级人民法院", "(2021)渝0116执100号", new DateOnly(2021, 5, 10), new DateOnly(2024, 5, 10), SeizureRank.First, "查封登记2021-77", Admin, Now.AddDays(-29));

    public static SeizureRecorded QueuedSeized => new(EstateId, AssetId, QueuedSeizure, "国家税务总局重庆市江津区税务局", "国家税务总局重庆市税务局", "渝江税封〔2021〕8号", new DateOnly(2021, 9, 1), new DateOnly(2024, 9, 1), SeizureRank.Queued, null, Admin, Now.AddDays(-29));

    public static Estate SeizedEstate => Spec.Given<Estate>(Opened, BuildingRegistered, FirstSeized, QueuedSeized);

    public static SeizureToRelease ToRelease(SeizureRecorded s) => new(s.SeizureId, s.SeizingBody, s.SeizingBodySuperior, s.DocumentNumber, s.SeizedOn, s.Rank, s.RegistrationReference);
}
