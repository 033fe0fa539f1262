using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>A write on one release request: the id comes from the route.</summary>
public abstract record ReleaseRequestWrite : ConditionalWrite, ICaseScoped
{
    [JsonIgnore]
    public string RequestId { get; init; } = "";

    string ICaseScoped.CaseScope => CaseLink.ForRequest(RequestId);
}

/// <summary>The judge approves: letters with a deadline go to each seizing body (限期解除).</summary>
public sealed record ApproveRelease([property: MultiLine] string? Note = null) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The judge rejects, with the reason.</summary>
public sealed record RejectRelease([property: MultiLine] string? Reason) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The administrator withdraws a request the court has not yet ruled on.</summary>
public sealed record WithdrawRelease([property: MultiLine] string? Reason) : ReleaseRequestWrite, ICommand<Changed>;

public sealed class ApproveReleaseValidator : AbstractValidator<ApproveRelease>
{
    public ApproveReleaseValidator() => RuleFor(x => x.Note).OptionalText(1000);
}

public sealed class RejectReleaseValidator : AbstractValidator<RejectRelease>
{
    public RejectReleaseValidator() => RuleFor(x => x.Reason).Text(1000);
}

public sealed class WithdrawReleaseValidator : AbstractValidator<WithdrawRelease>
{
    public WithdrawReleaseValidator() => RuleFor(x => x.Reason).Text(1000);
}

public sealed class JudgingReleaseHandlers(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, BankruptcyDeadlines deadlines) :
    ICommandHandler<ApproveRelease, Changed>,
    ICommandHandler<RejectRelease, Changed>,
    ICommandHandler<WithdrawRelease, Changed>
{
    public async ValueTask<Changed> Handle(ApproveRelease command, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(command, cancellationToken);
        var version = loaded.Version;
        if (loaded.State.Stage == ReleaseStage.Requested)
        {
            var dueOn = deadlines.DueOn(BankruptcyWorkflows.Release, "AwaitingSeizingBodies", process.Now);
            var approve = new ReleaseCommand.Approve(command.Note?.Trim(), dueOn, process.Actor);
            version = await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "ApproveRelease", (s, now) => ReleaseDecider.Decide(s, approve, now), loaded.Version, cancellationToken);
            loaded = await aggregates.LoadAsync<ReleaseRequest>(command.RequestId, cancellationToken);
        }
        else
        {
            // Already decided: approving again is satisfied (no events) or refused (rejected); the decider says which.
            ReleaseDecider.Decide(loaded.State, new ReleaseCommand.Approve(null, DateOnly.MaxValue, process.Actor), process.Now).ThrowIfError();
        }

        var letters = loaded.State.Letters.Where(l => l.Letter.Recipient == LetterRecipient.SeizingBody && l.DueOn is not null).ToList();
        if (letters.Count > 0)
        {
            await process.IssueLettersAsync(loaded.State, letters.Select(l => l.Letter), letters[0].DueOn!.Value, loaded.State.ApprovedBy ?? process.Actor, cancellationToken);
        }

        return new Changed(command.RequestId, version);
    }

    public async ValueTask<Changed> Handle(RejectRelease command, CancellationToken cancellationToken) =>
        await FireAsync(command, "RejectRelease", new ReleaseCommand.Reject(command.Reason!.Trim(), process.Actor), s => s.Stage == ReleaseStage.Requested, cancellationToken);

    public async ValueTask<Changed> Handle(WithdrawRelease command, CancellationToken cancellationToken) =>
        await FireAsync(command, "WithdrawRelease", new ReleaseCommand.Withdraw(command.Reason!.Trim(), process.Actor), s => s.Stage is ReleaseStage.Requested or ReleaseStage.AwaitingSeizingBodies or ReleaseStage.AwaitingSuperiors or ReleaseStage.RulingDue, cancellationToken);

    private async Task<Changed> FireAsync(ReleaseRequestWrite command, string trigger, ReleaseCommand decision, Func<ReleaseRequest, bool> fires, CancellationToken ct)
    {
        var loaded = await LoadAsync(command, ct);
        if (!fires(loaded.State))
        {
            // Not a step the workflow takes from here: the decider tells "already done" (no events) from "impossible" (error).
            ReleaseDecider.Decide(loaded.State, decision, process.Now).ThrowIfError();
            return new Changed(command.RequestId, loaded.Version);
        }

        var version = await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, trigger, (s, now) => ReleaseDecider.Decide(s, decision, now), loaded.Version, ct);
        return new Changed(command.RequestId, version);
    }

    private Task<Loaded<ReleaseRequest>> LoadAsync(ReleaseRequestWrite command, CancellationToken ct) => LoadCheckedAsync(aggregates, command, ct);

    /// <summary>The request, or 404; a stale If-Match is a 412 before anything is decided.</summary>
    internal static async Task<Loaded<ReleaseRequest>> LoadCheckedAsync(AggregateStore aggregates, ReleaseRequestWrite command, CancellationToken ct)
    {
        var loaded = await aggregates.LoadAsync<ReleaseRequest>(command.RequestId, ct);
        if (!loaded.Exists)
        {
            throw new DomainException(DomainError.NotFound("release.not-found", "There is no such release request."));
        }

        return command.IfMatch is { } ifMatch && ifMatch != loaded.Version
            ? throw new WrongExpectedVersionException(loaded.StreamId, ExpectedVersion.Exactly(ifMatch), loaded.Version)
            : loaded;
    }
}
