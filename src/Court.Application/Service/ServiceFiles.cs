using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Fees;
using Court.Domain.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Service;

/// <summary>
/// Runs service commands against a case's file: steps through the workflow runtime (the definition says who may take
/// them), then issues a certificate of service for every service that has become complete and has none yet.
/// </summary>
public sealed class ServiceFiles(WorkflowRuntime workflows, WorkingDayCalendar calendar, ICallerContext caller, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string WorkflowId = "service-file";

    /// <summary>The periods the code reads from the definition (checked at start-up).</summary>
    public static readonly string[] PeriodNames = ["answer", "judgment-appeal", "ruling-appeal", "fee-payment"];

    /// <summary>The task a failed service raises (its title and who acts are the definition's; checked at start-up).</summary>
    public const string AnotherChannelTask = "choose-another-channel";

    public async Task<long> ExecuteAsync(IServiceFileCommand step, ServiceCommand command, CancellationToken cancellationToken = default)
    {
        var version = await workflows.ExecuteAsync(step, (file, at) => ServiceDecider.Decide(file, command, new ServiceContext(at.Now, caller.UserId, calendar)), cancellationToken);
        return await IssueCertificatesAsync(step.CaseId, version, cancellationToken);
    }

    /// <summary>Opens the file and starts its workflow in one append; opening it again changes nothing.</summary>
    public async Task<long> OpenAsync(ServiceCommand.OpenFile open, CancellationToken cancellationToken = default)
    {
        if (await workflows.LoadAsync(ServiceFile.StreamPrefix + open.CaseId, cancellationToken) is { } running)
        {
            ServiceDecider.Decide((ServiceFile)running.Aggregate!, open, new ServiceContext(clock.GetUtcNow(), caller.UserId, calendar)).ThrowIfError();
            return running.StreamVersion;
        }

        return await workflows.StartAsync<ServiceFile>(WorkflowId, open.CaseId, (file, step) => ServiceDecider.Decide(file, open, new ServiceContext(step.Now, caller.UserId, calendar)), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// A certificate (送达回证 / 电子送达凭证) for each complete service without one, issued and recorded as the system:
    /// the court states the fact, whoever's report completed it. The document id derives from the service, so a retry
    /// after a failure between issuing and recording finds the same document, and any later command on the case
    /// finishes what an interrupted one left. Returns the stream version.
    /// </summary>
    public async Task<long> IssueCertificatesAsync(string caseId, long version, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScopeAs(FixedCaller.System(caller.CorrelationId));
        var services = scope.ServiceProvider;
        var view = await services.GetRequiredService<IReadModels>().GetAsync<ServiceFileView>(caseId, cancellationToken);
        if (view?.File is null)
        {
            return version;
        }

        var file = view.ToFile();
        var due = file.Services.Where(s => s.CertificateNumber is null && file.RecordOf(s).Outcome == ServiceOutcome.Served).ToList();
        if (due.Count == 0)
        {
            return version;
        }

        var documents = services.GetRequiredService<DocumentIssuer>();
        var store = services.GetRequiredService<AggregateStore>();
        foreach (var service in due)
        {
            var issued = await documents.IssueAsync(Certificate(view, file, service, file.RecordOf(service)), cancellationToken);
            var record = new ServiceCommand.RecordCertificate(service.ServiceId, issued.Id.ToString("N"), issued.Number);
            version = await store.ExecuteAsync<ServiceFile>(caseId, (state, now) => ServiceDecider.Decide(state, record, new ServiceContext(now, ReactionContext.UserId, calendar)), cancellationToken: cancellationToken);
        }

        return version;
    }

    public static Guid CertificateIdFor(string caseId, string serviceId) => DeterministicGuid.From($"court:service-certificate:{caseId}:{serviceId}");

    /// <summary>The certificate states the facts of the record: document, recipient, channel, who signed or which deemed rule, the date.</summary>
    private static DocumentToIssue Certificate(ServiceFileView view, ServiceFile file, ServiceState service, ServiceRecord record)
    {
        var ordered = service.Ordered;
        var electronic = ordered.Channel.IsElectronic();
        var fields = new List<DocumentField>
        {
            new("案号", file.File!.CaseNumber),
            new("送达文书", ordered.Document.Title),
        };
        if (ordered.Document.Number is { } number)
        {
            fields.Add(new DocumentField("文书编号", number));
        }

        fields.Add(new DocumentField("受送达人", ordered.Recipient.Name));
        fields.Add(new DocumentField("送达方式", ServiceTexts.ChannelZh(ordered.Channel)));
        if (ordered.Waybill is { } waybill)
        {
            fields.Add(new DocumentField("法院专递邮件号", waybill));
        }

        if ((ordered.Address.PostalAddress ?? ordered.Address.ElectronicAddress) is { } address)
        {
            fields.Add(new DocumentField(electronic ? "送达地址（电子）" : "送达地址", address));
        }

        if (record.SignerName is { } signer)
        {
            fields.Add(new DocumentField(record.Rule == ServiceRule.LeftAfterRefusal ? "拒收人" : "签收人", signer));
        }

        if (record.Relationship is { } relationship)
        {
            fields.Add(new DocumentField("与受送达人关系", ServiceTexts.RelationshipZh(relationship)));
        }

        fields.Add(new DocumentField("送达日期", $"{record.ServedOn:yyyy年M月d日}"));
        fields.Add(new DocumentField("认定依据", ServiceTexts.RuleZh(record.Rule!.Value)));
        var courtCode = view.CourtCode ?? IssuingCourts.Jiangjin.Code;
        return new DocumentToIssue(
            DocumentKind.ServiceCertificate,
            courtCode,
            ServiceFile.StreamPrefix + ordered.CaseId,
            new DocumentContent(
                electronic ? "电子送达凭证" : "送达回证",
                file.File.CaseNumber,
                ordered.Recipient.Name,
                null,
                [
                    DocumentSection.Text($"本院于{ChinaTime.DateOf(ordered.At):yyyy年M月d日}向{ordered.Recipient.Name}送达{ordered.Document.Title}，经核实已完成送达，送达日期为{record.ServedOn:yyyy年M月d日}。"),
                    DocumentSection.Table("送达情况", [.. fields]),
                ]),
            CertificateIdFor(ordered.CaseId, ordered.ServiceId));
    }
}

/// <summary>Chinese names of channels, relationships and rules, as documents print them.</summary>
public static class ServiceTexts
{
    public static string ChannelZh(ServiceChannel channel) => channel.NameZh();

    public static string RelationshipZh(SignerRelationship relationship) => relationship switch
    {
        SignerRelationship.Recipient => "本人",
        SignerRelationship.LegalRepresentative => "法定代理人/法定代表人",
        SignerRelationship.Guardian => "监护人",
        SignerRelationship.OrganisationHead => "单位主要负责人",
        SignerRelationship.OrganisationOffice => "单位办公室",
        SignerRelationship.MailRoom => "单位收发室",
        SignerRelationship.DutyRoom => "单位值班室",
        SignerRelationship.LitigationAgent => "诉讼代理人",
        SignerRelationship.DesignatedReceiver => "指定代收人",
        SignerRelationship.CohabitingFamilyMember => "同住成年家属",
        _ => "其他",
    };

    public static string RuleZh(ServiceRule rule) => rule switch
    {
        ServiceRule.Signature => "签收日期为送达日期",
        ServiceRule.ReturnAfterRefusal => "受送达人拒绝签收，退回之日视为送达之日",
        ServiceRule.ReturnWrongAddress => "受送达人确认的地址不准确，退回之日视为送达之日",
        ServiceRule.ReturnMoved => "受送达人地址变更未告知，退回之日视为送达之日",
        ServiceRule.ReachedSystem => "到达受送达人特定系统之日为送达日期（民事诉讼法第九十条）",
        ServiceRule.LeftAfterRefusal => "留置送达（民事诉讼法第八十九条）",
        _ => "公告期满三十日视为送达（民事诉讼法第九十五条）",
    };
}
