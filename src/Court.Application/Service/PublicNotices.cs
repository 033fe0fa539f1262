using Court.Application.Bankruptcy;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.Service;
using FluentValidation;
using Mediator;

namespace Court.Application.Service;

/// <summary>
/// Starts the period of a published notice (the process manager's step after <see cref="PublicationRecorded"/>): its own
/// <c>public-notice</c> instance whose deadline, counted from the publication date, is the timer that deems it served.
/// Starting it again changes nothing. Returns the period's stream version.
/// </summary>
public sealed record StartPublicNoticePeriod(string CaseId, string ServiceId) : ICommand<long>, IServiceFileMessage;

/// <summary>The notice's deadline passed: the timer's command (the <c>public-notice</c> definition's expiry trigger).</summary>
public sealed record DeemPublicNoticeServed(string PeriodId) : ICommand<long>, IWorkflowCommand<PublicNoticePeriod>
{
    public string WorkflowStreamId => PublicNoticePeriod.StreamPrefix + PeriodId;
}

/// <summary>The process manager records on the service file that a notice's period ran out: it is served on <see cref="ServedOn"/>.</summary>
public sealed record RecordDeemedService(string CaseId, string? ServiceId, DateOnly? ServedOn, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.RecordDeemedService(ServiceId!.Trim(), ServedOn!.Value);
}

/// <summary>The clerk records that the act a period ran for was done (the answer filed, the appeal lodged, the fee paid): the period's task is over.</summary>
public sealed record RecordPeriodDone(string CaseId, string? ServiceId, string? Period, DateOnly? DoneOn, long? IfMatch = null) : IServiceFileCommand
{
    public ServiceCommand ToDomain() => new ServiceCommand.RecordPeriodDone(ServiceId!.Trim(), ServiceCodes.Parse<PeriodKind>(Period), DoneOn!.Value);
}

public sealed class RecordPeriodDoneValidator : AbstractValidator<RecordPeriodDone>
{
    public RecordPeriodDoneValidator()
    {
        RuleFor(x => x.ServiceId).Text(200);
        RuleFor(x => x.Period).MustBeCode<RecordPeriodDone, PeriodKind>();
        RuleFor(x => x.DoneOn).NotNull();
    }
}

public sealed class RecordDeemedServiceValidator : AbstractValidator<RecordDeemedService>
{
    public RecordDeemedServiceValidator()
    {
        RuleFor(x => x.ServiceId).Text(200);
        RuleFor(x => x.ServedOn).NotNull();
    }
}

public sealed class PublicNoticeHandler(WorkflowRuntime workflows, IReadModels readModels, ICallerContext caller) :
    ICommandHandler<StartPublicNoticePeriod, long>,
    ICommandHandler<DeemPublicNoticeServed, long>
{
    public const string WorkflowId = "public-notice";

    public async ValueTask<long> Handle(StartPublicNoticePeriod command, CancellationToken cancellationToken)
    {
        var id = PublicNoticePeriod.IdOf(command.CaseId, command.ServiceId);
        if (await workflows.LoadAsync(PublicNoticePeriod.StreamPrefix + id, cancellationToken) is { } running)
        {
            return running.StreamVersion;
        }

        var file = await readModels.GetAsync<ServiceFileView>(command.CaseId, cancellationToken);
        if (file?.File is not { } opened || file.Services.FirstOrDefault(s => s.ServiceId == command.ServiceId) is not { Publication: { } publication })
        {
            throw new DomainException(DomainError.NotFound("service.not-found", $"Case {command.CaseId} has no published notice {command.ServiceId}."));
        }

        // The period counts from the publication date (CPL Art. 95), which may be before the day it is recorded.
        var publishedAt = new DateTimeOffset(publication.PublishedOn.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset);
        return await workflows.StartCountingFromAsync<PublicNoticePeriod>(
            WorkflowId,
            id,
            publishedAt,
            (period, step) => PublicNoticePeriodDecider.Start(period, command.CaseId, command.ServiceId, opened.CaseNumber, publication, step.RequireDueOn(), caller.UserId, step.Now),
            cancellationToken);
    }

    public async ValueTask<long> Handle(DeemPublicNoticeServed command, CancellationToken cancellationToken) =>
        await workflows.ExecuteAsync(command, (period, step) => PublicNoticePeriodDecider.End(period, caller.UserId, step.Now), cancellationToken);

    /// <summary>The days of the notice period in the latest <c>public-notice</c> definition: the one a notice published now pins.</summary>
    public static int NoticeDays(WorkflowCatalog catalog)
    {
        var definition = catalog.Latest(WorkflowId) ?? throw new InvalidOperationException($"No workflow definition '{WorkflowId}' is loaded.");
        return definition.State(definition.InitialState).Deadline?.Days
            ?? throw new InvalidOperationException($"{WorkflowId} v{definition.Version}: state '{definition.InitialState}' has no deadline, but it is the notice period.");
    }
}
