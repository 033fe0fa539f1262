using System.Globalization;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Identifiers;

namespace Court.Application.Bankruptcy.Documents;

/// <summary>
/// What bankruptcy's letters, rulings and notices say (zh), built from the facts of the case. The documents service
/// numbers, hashes and renders them; this class only writes the content.
/// </summary>
public static class BankruptcyDocuments
{
    /// <summary>
    /// Who answers for a case's document, from the record: the judge who took the decision the document carries out
    /// and the case's clerk (null when the record names none).
    /// </summary>
    public sealed record CaseStaff(Person Judge, Person? Clerk);

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", Zh);

    public static string Yuan(long fen) => Money.Format(fen) + "元";

    public static string CourtName(string courtCode) => PeoplesCourts.Find(courtCode)?.NameZh ?? courtCode;

    public static string AgencyName(string code) => Agencies.Find(code)?.NameZh ?? code;

    /// <summary>
    /// The contact line every bankruptcy document ends with: the chamber, the handling judge's and the clerk's names
    /// (never their login names) and the court's phone, so the addressee knows whom to call.
    /// </summary>
    public static string Contact(string courtCode, CaseStaff staff)
    {
        var parts = new List<string> { $"{CourtName(courtCode)}破产审判庭", $"承办法官：{staff.Judge.Name}" };
        if (staff.Clerk is { } clerk)
        {
            parts.Add($"书记员：{clerk.Name}");
        }

        if (PeoplesCourts.Find(courtCode)?.Phone is { } phone)
        {
            parts.Add($"联系电话：{phone}");
        }

        return string.Join("　", parts);
    }

    private static string Opening(Estate estate) =>
        $"本院于{Date(estate.AcceptedOn)}裁定受理{estate.DebtorName}（统一社会信用代码：{estate.DebtorCreditCode}）破产清算一案（{estate.CaseNumber}），并指定{estate.AdministratorName}为管理人。";

    public static DocumentField[] AssetFields(AssetKind kind, string description, AssetIdentifiers id)
    {
        var fields = new List<DocumentField> { new("财产", description) };
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new DocumentField(label, value));
            }
        }

        Add("坐落", id.Location);
        Add("不动产权证号", id.CertificateNumber);
        Add("不动产单元号", id.UnitCode);
        Add("面积", id.AreaSquareMetres is { } area ? area.ToString("0.##", CultureInfo.InvariantCulture) + "平方米" : null);
        Add("用途", id.Use);
        Add("号牌号码", id.Plate);
        Add("车辆识别代号", id.Vin);
        Add("开户银行", id.Bank);
        Add("账号", id.AccountNumber);
        Add("公司名称", id.Company);
        Add("公司统一社会信用代码", id.CompanyCreditCode);
        Add("持股比例", id.SharePercent is { } share ? share.ToString("0.##", CultureInfo.InvariantCulture) + "%" : null);
        _ = kind;
        return [.. fields];
    }

    public static DocumentSection SeizureTable(SeizureToRelease s) => DocumentSection.Table(
        "查封情况",
        new("查封机关", s.SeizingBody),
        new("查封文书", s.DocumentNumber),
        new("查封日期", Date(s.SeizedOn)),
        new("查封顺位", s.Rank == SeizureRank.First ? "首封" : "轮候查封"),
        new("登记文号", s.RegistrationReference ?? "—"));

    public static DocumentContent LetterToSeizingBody(Estate estate, EstateAsset asset, SeizureToRelease seizure, DateOnly dueOn, CaseStaff staff) => new(
        "商请解除查封函",
        estate.CaseNumber,
        seizure.SeizingBody,
        null,
        [
            DocumentSection.Text(
                Opening(estate) + "依照《中华人民共和国企业破产法》第十九条之规定，人民法院受理破产申请后，有关债务人财产的保全措施应当解除，执行程序应当中止。",
                $"贵单位以{seizure.DocumentNumber}对债务人下列财产采取了查封措施。请于{Date(dueOn)}前依法解除，并将解除情况书面函告本院。逾期未解除的，本院将依法处理。"),
            DocumentSection.Table("查封财产", AssetFields(asset.Kind, asset.Description, asset.Identifiers)),
            SeizureTable(seizure),
        ],
        null,
        Contact(CaseNumber.Parse(estate.CaseNumber).Value.Court.Code, staff));

    public static DocumentContent LetterToSuperior(Estate estate, EstateAsset asset, SeizureToRelease seizure, string superior, DateOnly dueOn, CaseStaff staff) => new(
        "督促函",
        estate.CaseNumber,
        superior,
        null,
        [
            DocumentSection.Text(
                Opening(estate),
                $"本院已函请{seizure.SeizingBody}限期解除其以{seizure.DocumentNumber}对债务人下列财产采取的查封措施，该单位逾期未予解除。请贵单位督促{seizure.SeizingBody}于{Date(dueOn)}前依法解除，并将结果书面函告本院。逾期仍未解除的，本院将依法裁定解除。"),
            DocumentSection.Table("查封财产", AssetFields(asset.Kind, asset.Description, asset.Identifiers)),
            SeizureTable(seizure),
        ],
        [seizure.SeizingBody],
        Contact(CaseNumber.Parse(estate.CaseNumber).Value.Court.Code, staff));

    /// <summary>
    /// The lifting ruling. Its findings (本院查明) are recited from the request's record: each letter the court sent, to
    /// whom, on which day and by which date; whether that date has passed; and, when the judge ruled before the chain
    /// was exhausted, that decision and its reason. Nothing is stated that the record does not show.
    /// </summary>
    public static DocumentContent LiftingRuling(Estate estate, EstateAsset asset, ReleaseRequest request, IReadOnlyList<SeizureToRelease> seizures, DateOnly issuedOn, string? earlyReason, CaseStaff staff, string rulingNumber) => new(
        "民事裁定书（解除查封）",
        estate.CaseNumber,
        estate.AdministratorName,
        null,
        [
            DocumentSection.Text(
            [
                rulingNumber,
                Opening(estate),
                .. LiftingFindings(request, seizures, issuedOn, earlyReason, staff),
                "本院认为，人民法院受理破产申请后，有关债务人财产的保全措施应当解除。依照《中华人民共和国企业破产法》第十九条之规定，裁定如下：",
                $"解除{string.Join("、", seizures.Select(s => s.SeizingBody).Distinct())}对债务人下列财产的查封。",
                "本裁定自即日起生效。",
            ]),
            DocumentSection.Table("查封财产", AssetFields(asset.Kind, asset.Description, asset.Identifiers)),
            .. seizures.Select(SeizureTable),
            Panel(staff, issuedOn),
        ],
        [.. seizures.Select(s => s.SeizingBody).Distinct(), AgencyName(asset.HoldingAgency)],
        Contact(CaseNumber.Parse(estate.CaseNumber).Value.Court.Code, staff));

    /// <summary>
    /// The block a ruling ends with: the presiding judge (the judge on record as having ruled), the date, the clerk of
    /// the case. Only people the record names are printed; no panel member is invented.
    /// </summary>
    public static DocumentSection Panel(CaseStaff staff, DateOnly issuedOn) => new(
        null,
        [$"审判长　{staff.Judge.Name}", Date(issuedOn), .. staff.Clerk is { } clerk ? [$"书记员　{clerk.Name}"] : Array.Empty<string>()]);

    /// <summary>One paragraph per seizure: the letters on record for it and whether their dates passed; then the judge's early decision, if any.</summary>
    public static IEnumerable<string> LiftingFindings(ReleaseRequest request, IReadOnlyList<SeizureToRelease> seizures, DateOnly issuedOn, string? earlyReason, CaseStaff staff)
    {
        foreach (var seizure in seizures)
        {
            var sentences = new List<string> { $"{seizure.SeizingBody}以{seizure.DocumentNumber}于{Date(seizure.SeizedOn)}对债务人下列财产采取了查封措施" };
            var letters = request.Letters.Where(l => l.Letter.SeizureId == seizure.SeizureId && l.DueOn is not null).ToList();
            if (letters.Count == 0)
            {
                sentences.Add("本院未就此向查封机关发函");
            }

            foreach (var (letter, dueOn) in letters)
            {
                var sent = request.LetterSentOn.TryGetValue(letter.LetterId, out var on) ? $"于{Date(on)}" : "";
                var whom = letter.Recipient == LetterRecipient.SeizingBody ? $"函请{letter.Addressee}" : $"函请其上级机关{letter.Addressee}督促";
                var outcome = dueOn!.Value < issuedOn ? "逾期未予解除" : $"截至本裁定作出之日该期限尚未届满";
                sentences.Add($"本院{sent}{whom}于{Date(dueOn.Value)}前解除，{outcome}");
            }

            yield return "本院查明：" + string.Join("；", sentences) + "。";
        }

        if (earlyReason is not null)
        {
            yield return $"上述期限未全部届满，审判员{staff.Judge.Name}决定于{Date(issuedOn)}裁定解除，理由是：{earlyReason}。";
        }
    }

    /// <summary>
    /// The assisted-enforcement notice, with every field DOMAIN.md §1 lists (its number and code are the documents
    /// service's). The issuing court and date are printed once, by the renderer's signature block.
    /// </summary>
    public static DocumentContent Notice(NoticeContent n, DeadlineDefinition acknowledge, DeadlineDefinition execute)
    {
        var action = n.Action switch
        {
            NoticeAction.CancelSeizureRegistration => "解除查封，并注销上述查封登记。",
            NoticeAction.LiftSeizure => "解除上述查封（冻结）措施。",
            _ => $"将上述财产过户登记至买受人{n.BuyerName}（证件号码：{n.BuyerIdNumber}）名下" + (n.PriceFen is { } price ? $"（成交价款{Yuan(price)}）。" : "。"),
        };
        return new DocumentContent(
            n.Action == NoticeAction.TransferToBuyer ? "协助执行通知书（过户登记）" : "协助执行通知书",
            n.CaseNumber,
            n.AddresseeName,
            n.AddresseeAgency,
            [
                DocumentSection.Text(
                    $"本院{n.RulingNumber}民事裁定书已于{Date(n.RulingDate)}发生法律效力。依照《中华人民共和国企业破产法》及《中华人民共和国民事诉讼法》的有关规定，请协助执行下列事项。贵单位对本通知有异议的，可书面向本院提出，但不停止协助执行。"),
                DocumentSection.Table("债务人", new("名称", n.DebtorName), new("统一社会信用代码", n.DebtorCreditCode)),
                DocumentSection.Table("财产", AssetFields(n.AssetKind, n.AssetDescription, n.Asset)),
                .. n.Seizures.Select(SeizureTable),
                DocumentSection.Table(
                    "协助执行事项",
                    new("事项", action),
                    new("期限", $"收到本通知后{Period(acknowledge)}内签收，签收后{Period(execute)}内办理完毕并回执本院。")),
            ],
            [.. n.Seizures.Select(s => s.SeizingBody).Distinct()],
            n.Contact);
    }

    /// <summary>A period as a notice says it: "3个工作日", "15日".</summary>
    public static string Period(DeadlineDefinition period) => period.Unit == PeriodUnit.WorkingDays ? $"{period.Days}个工作日" : $"{period.Days}日";

    public static DocumentContent NotificationToSeizingBody(Estate estate, EstateAsset asset, SeizureToRelease seizure, string rulingNumber, CaseStaff staff) => new(
        "通知书（解除查封）",
        estate.CaseNumber,
        seizure.SeizingBody,
        null,
        [
            DocumentSection.Text(
                Opening(estate),
                $"本院已作出{rulingNumber}民事裁定，解除贵单位以{seizure.DocumentNumber}对债务人下列财产采取的查封措施，并已通知{AgencyName(asset.HoldingAgency)}协助执行。特此通知。"),
            DocumentSection.Table("查封财产", AssetFields(asset.Kind, asset.Description, asset.Identifiers)),
            SeizureTable(seizure),
        ],
        null,
        Contact(CaseNumber.Parse(estate.CaseNumber).Value.Court.Code, staff));

    public static DocumentContent SaleConfirmationRuling(Estate estate, EstateAsset asset, Disposal disposal, CaseStaff staff, string rulingNumber, DateOnly issuedOn) => new(
        "民事裁定书（成交确认）",
        estate.CaseNumber,
        disposal.BuyerName,
        null,
        [
            DocumentSection.Text(
                rulingNumber,
                Opening(estate),
                $"管理人于{Date(disposal.ScheduledOn)}通过{disposal.Platform}以{(disposal.Method == DisposalMethod.Auction ? "网络司法拍卖" : "变卖")}方式处置债务人下列财产，{disposal.BuyerName}以{Yuan(disposal.PriceFen)}的最高价竞得（买得）。",
                "依照《中华人民共和国企业破产法》及相关司法解释之规定，裁定如下：",
                $"一、下列财产归买受人{disposal.BuyerName}（证件号码：{disposal.BuyerIdNumber}）所有，所有权自本裁定送达买受人时起转移；",
                "二、买受人可持本裁定书到登记机构办理相关产权过户登记手续。",
                "本裁定自即日起生效。"),
            DocumentSection.Table("成交财产", [.. AssetFields(asset.Kind, asset.Description, asset.Identifiers), new("成交价款", Yuan(disposal.PriceFen)), new("成交日期", Date(disposal.SoldOn))]),
            Panel(staff, issuedOn),
        ],
        [AgencyName(asset.HoldingAgency)],
        Contact(CaseNumber.Parse(estate.CaseNumber).Value.Court.Code, staff));

    public static DocumentContent MeetingMinutes(string caseNumber, string summary, DateOnly meetingOn, string minutes, IReadOnlyList<MeetingAction> actions) => new(
        "府院联席会议纪要",
        caseNumber,
        "府院联席会议成员单位",
        null,
        [
            DocumentSection.Text($"{Date(meetingOn)}府院联席会议研究了下列事项：{summary}", minutes),
            .. actions.Select((a, i) => DocumentSection.Table($"议定事项{i + 1}", new("责任单位", a.Owner), new("事项", a.Description), new("完成时限", Date(a.DueOn)))),
        ]);
}
