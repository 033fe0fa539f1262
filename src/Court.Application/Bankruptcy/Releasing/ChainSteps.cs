using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Bankruptcy;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Releasing;

/// <summary>A seizing body lifted its seizure itself after the court's letter (reported with its lifting document).</summary>
public sealed record RecordSeizingBodyLift(string? SeizureId, string? Reference, DateOnly? LiftedOn) : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>The judge issues the court's own lifting ruling for the seizures still in force, and its notice to the holding agency.</summary>
public sealed record IssueLiftingRuling : ReleaseRequestWrite, ICommand<Changed>;

/// <summary>Fired by the deadline timer (as the system): letters to the superiors, or the ruling falls due.</summary>
public sealed record EscalateOverdueRelease : ReleaseRequestWrite, ICommand<Changed>;

public sealed class RecordSeizingBodyLiftValidator : AbstractValidator<RecordSeizingBodyLift>
{
    public RecordSeizingBodyLiftValidator()
    {
        RuleFor(x => x.SeizureId).NotEmpty().MaximumLength(64);
        RuleFor(x => x.Reference).Text(100);
        RuleFor(x => x.LiftedOn).NotNull();
    }
}

public sealed class ChainStepHandlers(AggregateStore aggregates, WorkflowRuntime workflows, BankruptcyProcess process, BankruptcyDeadlines deadlines) :
    ICommandHandler<RecordSeizingBodyLift, Changed>,
    ICommandHandler<IssueLiftingRuling, Changed>,
    ICommandHandler<EscalateOverdueRelease, Changed>
{
    public async ValueTask<Changed> Handle(RecordSeizingBodyLift command, CancellationToken cancellationToken)
    {
        var loaded = await JudgingReleaseHandlers.LoadCheckedAsync(aggregates, command, cancellationToken);
        var lift = new ReleaseCommand.RecordSeizingBodyLift(command.SeizureId!, command.Reference!.Trim(), command.LiftedOn!.Value, process.Actor);
        var version = loaded.Version;
        var pending = loaded.State.Seizures.Find(s => s.Seizure.SeizureId == command.SeizureId)?.Outstanding == true;
        if (pending && loaded.State.Stage is ReleaseStage.AwaitingSeizingBodies or ReleaseStage.AwaitingSuperiors or ReleaseStage.RulingDue)
        {
            version = await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "RecordSeizingBodyLift", (s, now) => ReleaseDecider.Decide(s, lift, now), loaded.Version, cancellationToken);
            loaded = await aggregates.LoadAsync<ReleaseRequest>(command.RequestId, cancellationToken);
        }
        else
        {
            ReleaseDecider.Decide(loaded.State, lift, process.Now).ThrowIfError();
        }

        await process.RecordLiftOnEstateAsync(loaded.State, command.SeizureId!, lift.Reference, lift.LiftedOn, cancellationToken);
        if (loaded.State.Stage == ReleaseStage.Released)
        {
            await process.AfterReleaseCompletedAsync(loaded.State, null, cancellationToken);
        }

        return new Changed(command.RequestId, version);
    }

    public async ValueTask<Changed> Handle(IssueLiftingRuling command, CancellationToken cancellationToken)
    {
        var loaded = await JudgingReleaseHandlers.LoadCheckedAsync(aggregates, command, cancellationToken);
        var state = loaded.State;
        if (state.Stage is ReleaseStage.AwaitingRegistry or ReleaseStage.Released && state.RulingId is { } done)
        {
            // Issued before: make sure its documents and notice exist (a retry after a crash), change nothing else.
            await process.IssueRulingDocumentsAsync(state, done, state.NoticeId!, cancellationToken);
            return new Changed(command.RequestId, loaded.Version);
        }

        var rulingId = $"{state.Id}-ruling-{state.RulingCount + 1}";
        var noticeId = BankruptcyProcess.DocumentId("notice:" + rulingId).ToString("D");
        var issue = new ReleaseCommand.IssueRuling(rulingId, noticeId, process.Actor);
        ReleaseDecider.Decide(state, issue, process.Now).ThrowIfError();
        await process.IssueRulingDocumentsAsync(state, rulingId, noticeId, cancellationToken);
        var version = await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "IssueLiftingRuling", (s, now) => ReleaseDecider.Decide(s, issue, now), loaded.Version, cancellationToken);
        return new Changed(command.RequestId, version);
    }

    public async ValueTask<Changed> Handle(EscalateOverdueRelease command, CancellationToken cancellationToken)
    {
        var loaded = await JudgingReleaseHandlers.LoadCheckedAsync(aggregates, command, cancellationToken);
        var version = loaded.Version;
        if (loaded.State.Stage is ReleaseStage.AwaitingSeizingBodies or ReleaseStage.AwaitingSuperiors)
        {
            var superiorsDue = deadlines.DueOn(BankruptcyWorkflows.Release, "AwaitingSuperiors", process.Now);
            var escalate = new ReleaseCommand.EscalateOverdue(superiorsDue, process.Actor);
            if (ReleaseDecider.Decide(loaded.State, escalate, process.Now) is { Events.Count: > 0 })
            {
                version = await workflows.FireAsync<ReleaseRequest>(loaded.StreamId, "EscalateOverdueRelease", (s, now) => ReleaseDecider.Decide(s, escalate, now), loaded.Version, cancellationToken);
                loaded = await aggregates.LoadAsync<ReleaseRequest>(command.RequestId, cancellationToken);
            }
        }

        var state = loaded.State;
        if (state.Stage == ReleaseStage.AwaitingSuperiors)
        {
            var letters = state.Letters.Where(l => l.Letter.Recipient == LetterRecipient.Superior).ToList();
            await process.IssueLettersAsync(state, letters.Select(l => l.Letter), letters[0].DueOn!.Value, state.ApprovedBy ?? process.Actor, cancellationToken);
        }
        else if (state.Stage == ReleaseStage.RulingDue)
        {
            await process.AfterRulingDueAsync(state, cancellationToken);
        }

        return new Changed(command.RequestId, version);
    }
}
