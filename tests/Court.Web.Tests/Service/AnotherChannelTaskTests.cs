using System.Text.Json;
using Court.Domain.Identifiers;
using Court.Web.Tests.Bankruptcy.Support;
using static Court.Web.Tests.Service.ServiceSteps;

namespace Court.Web.Tests.Service;

/// <summary>
/// A failed service is the clerk's task "choose another channel" (另行选择送达方式, titled and addressed by the
/// service-file definition) until the document is ordered to the same recipient again.
/// </summary>
public sealed class AnotherChannelTaskTests(ServiceApi api) : IClassFixture<ServiceApi>
{
    [Fact]
    public async Task A_failed_express_is_a_clerk_task_to_choose_another_channel_until_the_document_is_ordered_again()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6601);
        var caseNumber = "(2022)渝0116民初6601号";
        var waybill = WaybillNumber.Create("EA", 66_010_001).Value;
        var express = await SummonsByExpressAsync(clerk, caseId, waybill);
        var now = api.Clock.GetUtcNow();
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6601-1", waybill, "accepted", now)));
        Assert.Empty(await AnotherChannelTasksAsync(clerk, caseNumber)); // on its way: nothing to choose yet

        // Returned: addressee unknown. That is no service, and not the recipient's doing.
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6601-2", waybill, "returned", now.AddMinutes(1), returnReason: "addressee-unknown")));

        var task = Assert.Single(await AnotherChannelTasksAsync(clerk, caseNumber));
        Assert.Equal(("另行选择送达方式", "Choose another channel"), (task.GetProperty("stateTitle").GetProperty("zh").GetString(), task.GetProperty("stateTitle").GetProperty("en").GetString()));
        Assert.Equal("service-file-" + caseId, task.GetProperty("streamId").GetString());
        var subject = task.GetProperty("subject").GetString()!;
        Assert.Contains(Defendant, subject, StringComparison.Ordinal);
        Assert.Contains("应诉通知书", subject, StringComparison.Ordinal);
        Assert.Contains("法院专递", subject, StringComparison.Ordinal);
        Assert.Equal("failed", (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single(s => s.GetProperty("serviceId").GetString() == express).GetProperty("desk").GetString());

        // The definition names the clerk: the judge's inbox has no such task.
        Assert.Empty(await AnotherChannelTasksAsync(await api.As("judge"), caseNumber));

        // The clerk orders the same document to the same recipient by the platform: the task is over.
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/services", new
        {
            recipientPartyId = "defendant",
            channel = "platform",
            documents = new[] { new { documentId = "summons-" + caseId, title = "应诉通知书", kind = "summons" } },
        }));
        Assert.Empty(await AnotherChannelTasksAsync(clerk, caseNumber));
        Assert.Equal("superseded", (await DefendantServicesAsync(clerk, caseId)).EnumerateArray().Single(s => s.GetProperty("serviceId").GetString() == express).GetProperty("desk").GetString());
    }

    [Fact]
    public async Task A_signature_by_someone_who_may_not_sign_is_a_task_and_closing_the_file_ends_it()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6602);
        var caseNumber = "(2022)渝0116民初6602号";
        var waybill = WaybillNumber.Create("EA", 66_020_001).Value;
        await SummonsByExpressAsync(clerk, caseId, waybill);
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6602-1", waybill, "delivered", api.Clock.GetUtcNow(), signer: "邻居 孙某", relationship: "other")));

        Assert.Single(await AnotherChannelTasksAsync(clerk, caseNumber));

        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/closure", new { reason = "原告撤诉" }));
        Assert.Empty(await AnotherChannelTasksAsync(clerk, caseNumber));
    }

    [Fact]
    public async Task A_return_after_refusal_is_service_and_raises_no_task()
    {
        var clerk = await api.As("clerk");
        var caseId = await SmallClaimsFileAsync(clerk, 6603);
        var waybill = WaybillNumber.Create("EA", 66_030_001).Value;
        await SummonsByExpressAsync(clerk, caseId, waybill);
        await Ok(clerk.PostJsonAsync(FilePath(caseId) + "/carrier-events", Event("ems-6603-1", waybill, "returned", api.Clock.GetUtcNow(), returnReason: "refused-to-sign")));

        Assert.Empty(await AnotherChannelTasksAsync(clerk, "(2022)渝0116民初6603号"));
    }

    private static async Task<List<JsonElement>> AnotherChannelTasksAsync(HttpClient client, string caseNumber) =>
        [.. (await Ok(client.GetAsync("/api/tasks?limit=50&q=" + Uri.EscapeDataString(caseNumber)))).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("workflowId").GetString() == "service-file" && t.GetProperty("stateTitle").GetProperty("zh").GetString() == "另行选择送达方式")];
}
