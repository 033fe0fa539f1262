using System.Net;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>One acceptance test (or a few) per command of the service file, over HTTP with real sign-ins.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ServiceFileCommandTests(ServiceApi api)
{
    private static string Waybill(int serial) => WaybillNumber.Create("EA", serial).Value;

    [Fact]
    public async Task OpenServiceFile_takes_a_small_claims_case_number_and_procedure_from_the_case_and_a_repeat_changes_nothing()
    {
        var clerk = await api.As("clerk");
        var filed = await clerk.PostJsonAsync("/api/small-claims/cases", new { caseNumber = "(2022)渝0116民初6001号", plaintiff = "甲", defendant = "乙", judgeId = "judge", claim = 10_000m });
        var caseId = (await filed.ReadJsonAsync()).GetProperty("id").GetString()!;

        var first = await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId }));
        var again = await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId }));

        Assert.Equal(first.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());
        var file = await Ok(clerk.GetAsync(FilePath(caseId)));
        Assert.Equal(("(2022)渝0116民初6001号", "small-claims", "Open"), (file.GetProperty("caseNumber").GetString(), file.GetProperty("procedure").GetString(), file.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task OpenServiceFile_for_another_case_needs_its_number()
    {
        var clerk = await api.As("clerk");
        var refused = await clerk.PostJsonAsync("/api/service-files", new { caseId = "not-small-claims-1" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("caseNumber", (await refused.ReadJsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task RegisterServiceParty_checks_the_resident_id_check_digit_and_names_the_field_in_the_callers_language()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6002, confirmDefendant: false);
        var bad = new { partyId = "third", role = "third-party", kind = "person", name = "孙七", idNumber = "500116199001011235" };

        var zh = await clerk.PostJsonAsync(FilePath(caseId) + "/parties", bad);
        var en = await (await api.As("clerk")).InEnglish().PostJsonAsync(FilePath(caseId) + "/parties", bad);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (zh.StatusCode, en.StatusCode));
        Assert.Equal("application/problem+json", zh.Content.Headers.ContentType?.MediaType);
        var zhProblem = await zh.ReadJsonAsync();
        var enProblem = await en.ReadJsonAsync();
        Assert.Contains("校验不通过：第 18 位应为“4”", zhProblem.GetProperty("errors").GetProperty("idNumber")[0].GetString()!, StringComparison.Ordinal);
        Assert.Contains("fails its check: the 18th character should be '4'", enProblem.GetProperty("errors").GetProperty("idNumber")[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(("请求有误。", "The request is not valid."), (zhProblem.GetProperty("title").GetString(), enProblem.GetProperty("title").GetString()));
        Assert.Equal(2, (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task AppointServiceAgent_registers_a_lawyer_with_a_valid_licence_and_refuses_a_bad_one()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6003);

        var bad = await clerk.PostJsonAsync(FilePath(caseId) + "/agents", new { agentId = "a1", partyId = "defendant", name = "李明", licenceNumber = "123", lawFirm = "重庆某某律师事务所" });
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/agents", new { agentId = "a1", partyId = "defendant", name = "李明", licenceNumber = "15001200910123456", lawFirm = "重庆某某律师事务所" }));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("licenceNumber", out _));
        var defendant = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "defendant");
        Assert.Equal("李明", defendant.GetProperty("agents")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_bad_licence_number_waybill_or_credit_code_is_refused_in_the_callers_language()
    {
        var clerk = await api.As("clerk");
        var english = (await api.As("clerk")).InEnglish();
        var caseId = await SmallClaimsFileAsync(clerk, 6013);
        var agent = new { agentId = "a1", partyId = "defendant", name = "李明", licenceNumber = "150012009101", lawFirm = "重庆某某律师事务所" };
        var organisation = new { partyId = "third", role = "third-party", kind = "organisation", name = "某公司", idNumber = "91500116MA5U0000X" };
        var serve = new { recipientPartyId = "defendant", channel = "judicial-express", documents = new[] { new { documentId = "doc-6013", title = "应诉通知书", kind = "summons" } }, waybill = "EA123456784CN" };

        async Task<(string Zh, string En)> Messages(string path, object body, string field) =>
            ((await (await clerk.PostJsonAsync(path, body)).ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!,
             (await (await english.PostJsonAsync(path, body)).ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!);

        var licence = await Messages(FilePath(caseId) + "/agents", agent, "licenceNumber");
        var credit = await Messages(FilePath(caseId) + "/parties", organisation, "idNumber");
        var waybill = await Messages(FilePath(caseId) + "/services", serve, "waybill");

        Assert.Equal(("“150012009101”是旧版 12 位证号；请填写现行执业证的 17 位证号。", "'150012009101' is a 12-digit number of the old format; enter the 17-digit number of the current licence."), licence);
        Assert.Equal(("统一社会信用代码为 18 位；“91500116MA5U0000X”为 17 位。", "A unified social credit code has 18 characters; '91500116MA5U0000X' has 17."), credit);
        Assert.Equal(("“EA123456784CN”校验不通过：第 11 位应为“5”，而不是“4”。是否有数字输错？", "'EA123456784CN' fails its check: the 11th character should be '5', not '4'. Is a digit mistyped?"), waybill);
    }

    [Fact]
    public async Task ConfirmServiceAddress_binds_until_a_later_change_which_is_kept_as_history()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6004);

        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new { partyId = "defendant", postalAddress = "重庆市江津区新地址9号", phone = "13900000000", electronicConsent = Array.Empty<string>(), signedOn = "2022-04-23" }));
        var backdated = await clerk.PostJsonAsync(FilePath(caseId) + "/address-confirmations", new { partyId = "defendant", postalAddress = "重庆市江津区旧址", phone = "13900000000", signedOn = "2022-04-01" });

        Assert.Equal(HttpStatusCode.Conflict, backdated.StatusCode);
        var defendant = (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("partyId").GetString() == "defendant");
        Assert.Equal(("重庆市江津区新地址9号", 1), (defendant.GetProperty("address").GetProperty("postalAddress").GetString(), defendant.GetProperty("addressChanges").GetInt32()));
    }

    [Fact]
    public async Task ServeDocuments_by_judicial_express_checks_the_S10_waybill_and_puts_it_on_the_carriers_dispatch_list()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6005);
        var waybill = Waybill(60_050_001);

        var badDigit = await clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "judicial-express", waybill = waybill[..10] + (waybill[10] == '0' ? '1' : '0') + "CN", documents = new[] { new { documentId = "s-6005", title = "应诉通知书", kind = "summons" } } });
        await SummonsByExpressAsync(clerk, caseId, waybill);

        Assert.Equal(HttpStatusCode.BadRequest, badDigit.StatusCode);
        Assert.True((await badDigit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("waybill", out _));
        var dispatch = await Ok((await api.As("carrier")).GetAsync("/api/carrier/dispatch-list?limit=200"));
        Assert.Contains(dispatch.GetProperty("items").EnumerateArray(), d => d.GetProperty("waybill").GetString() == waybill && d.GetProperty("recipient").GetString() == Defendant);
        var label = await Ok((await api.As("carrier")).GetAsync("/api/carrier/waybills/" + waybill));
        Assert.Equal(("法院专递", true, "重庆市江津区几江街道滨江路8号3-2"), (label.GetProperty("mark").GetString(), label.GetProperty("returnReceipt").GetBoolean(), label.GetProperty("postalAddress").GetString()));
    }

    [Fact]
    public async Task ServeDocuments_electronically_needs_consent_for_the_documents_kind()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6006);

        var judgment = await clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "email", documents = new[] { new { documentId = "j-6006", title = "民事判决书", kind = "judgment" } } });
        var summons = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "email", documents = new[] { new { documentId = "s-6006", title = "应诉通知书", kind = "summons" } } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, judgment.StatusCode);
        Assert.Equal("service.no-consent", (await judgment.ReadJsonAsync()).GetProperty("code").GetString());
        var services = await DefendantServicesAsync(clerk, caseId);
        Assert.Equal(("zhangsan@example.cn", "pending"), (services[0].GetProperty("address").GetString(), services[0].GetProperty("outcome").GetString()));
        Assert.Single(summons.GetProperty("services").EnumerateArray());
    }

    [Fact]
    public async Task ServeDocuments_by_public_notice_is_refused_in_small_claims()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6007);

        var refused = await clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = "s-6007", title = "应诉通知书", kind = "summons" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(("service.public-notice-refused", "channel"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Contains("小额诉讼程序不适用公告送达", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await DefendantServicesAsync(clerk, caseId)).GetArrayLength());

        var english = await (await api.As("clerk")).InEnglish().PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = "s-6007", title = "应诉通知书", kind = "summons" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, english.StatusCode);
        Assert.Contains("not allowed in small-claims procedure", (await english.ReadJsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCarrierEvent_a_delivery_signed_by_the_recipient_serves_and_issues_a_certificate()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6008);
        var waybill = Waybill(60_080_001);
        await SummonsByExpressAsync(clerk, caseId, waybill);
        var at = api.Clock.GetUtcNow();

        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("e-6008-1", waybill, "delivered", at.AddMinutes(1), Defendant, "recipient")));

        var service = (await DefendantServicesAsync(clerk, caseId))[0];
        Assert.Equal(("served", "signature", "2022-04-23"), (service.GetProperty("outcome").GetString(), service.GetProperty("rule").GetString(), service.GetProperty("servedOn").GetString()));
        Assert.StartsWith("江津法送证字", service.GetProperty("certificateNumber").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCarrierEvent_a_signature_by_someone_not_allowed_is_no_service_and_goes_to_the_desk_as_failed()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6009);
        var waybill = Waybill(60_090_001);
        await SummonsByExpressAsync(clerk, caseId, waybill);

        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("e-6009-1", waybill, "delivered", api.Clock.GetUtcNow().AddMinutes(1), "门卫老刘", "other")));

        var service = (await DefendantServicesAsync(clerk, caseId))[0];
        Assert.Equal(("not-served", "signer-not-eligible", "failed"), (service.GetProperty("outcome").GetString(), service.GetProperty("failure").GetString(), service.GetProperty("desk").GetString()));
        var desk = await Ok(clerk.GetAsync("/api/service-desk?desk=failed&q=" + Uri.EscapeDataString(waybill)));
        Assert.Equal(caseId, desk.GetProperty("items")[0].GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task RecordHandService_a_direct_service_signed_by_the_recipient_serves_on_the_receipts_date()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6010);
        var served = await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "direct", documents = new[] { new { documentId = "h-6010", title = "传票", kind = "hearing-summons" } } }));
        var serviceId = served.GetProperty("services")[0].GetString()!;

        await Ok(clerk.PostJsonAsync($"{FilePath(caseId)}/services/{Uri.EscapeDataString(serviceId)}/hand-delivery", new { signerName = Defendant, relationship = "recipient", servedOn = "2022-04-23" }));

        var service = (await DefendantServicesAsync(clerk, caseId))[0];
        Assert.Equal(("served", "2022-04-23"), (service.GetProperty("outcome").GetString(), service.GetProperty("servedOn").GetString()));
    }

    [Fact]
    public async Task RecordPublicNotice_in_ordinary_procedure_is_deemed_served_thirty_days_on_counted_by_Art_85()
    {
        var clerk = await api.As("clerk");
        await Ok(clerk.PostJsonAsync("/api/service-files", new { caseId = "ordinary-6011", caseNumber = "(2022)渝0116民初6011号", procedure = "ordinary" }));
        await Ok(clerk.PostJsonAsync(FilePath("ordinary-6011") + "/parties", new { partyId = "defendant", role = "defendant", kind = "person", name = Defendant, idNumber = DefendantId }));
        var served = await Ok(clerk.PostJsonAsync(FilePath("ordinary-6011") + "/services", new { recipientPartyId = "defendant", channel = "public-notice", documents = new[] { new { documentId = "n-6011", title = "应诉通知书", kind = "summons" } } }));
        var serviceId = served.GetProperty("services")[0].GetString()!;

        // Published Saturday 2 April 2022: 30 days end on 2 May, inside the Labour Day holiday, so on Thursday 5 May.
        await Ok(clerk.PostJsonAsync($"{FilePath("ordinary-6011")}/services/{Uri.EscapeDataString(serviceId)}/publication", new { publishedOn = "2022-04-02", medium = "人民法院公告网" }));

        var service = (await DefendantServicesAsync(clerk, "ordinary-6011"))[0];
        Assert.Equal(("2022-05-05", "public-notice", "pending"), (service.GetProperty("deemedOn").GetString(), service.GetProperty("desk").GetString(), service.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task CloseServiceFile_ends_the_file_and_nothing_more_is_served_under_it()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6012);

        await Ok((await api.As("judge")).PostJsonAsync(FilePath(caseId) + "/closure", new { reason = "已结案" }));
        var after = await clerk.PostJsonAsync(FilePath(caseId) + "/services", new { recipientPartyId = "defendant", channel = "direct", documents = new[] { new { documentId = "x-6012", title = "传票", kind = "hearing-summons" } } });

        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Equal("Closed", (await Ok(clerk.GetAsync(FilePath(caseId)))).GetProperty("state").GetString());
    }
}
