using Court.Application.Common;
using Court.Application.EventStore;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.Cases;

/// <summary>The court registers an accepted bankruptcy case and the administrator it appointed.</summary>
public sealed record OpenBankruptcyCase(
    string? CaseNumber,
    string? DebtorName,
    string? DebtorCreditCode,
    DateOnly? AcceptedOn,
    string? AdministratorUserId,
    string? AdministratorName) : ICommand<OpenedBankruptcyCase>;

/// <param name="Created">False when the same case was already registered with the same details (nothing was written).</param>
public sealed record OpenedBankruptcyCase(string Id, string CaseNumber, long Version, bool Created);

public sealed class OpenBankruptcyCaseValidator : AbstractValidator<OpenBankruptcyCase>
{
    public OpenBankruptcyCaseValidator()
    {
        RuleFor(x => x.CaseNumber).MustParse(Domain.Identifiers.CaseNumber.Parse);
        RuleFor(x => x.DebtorName).Text(200);
        RuleFor(x => x.DebtorCreditCode).MustParse(CreditCode.Parse);
        RuleFor(x => x.AcceptedOn).NotNull();
        RuleFor(x => x.AdministratorUserId).Text(100);
        RuleFor(x => x.AdministratorName).Text(200);
    }
}

public sealed class OpenBankruptcyCaseHandler(AggregateStore store, ICallerContext caller, IPeople people) : ICommandHandler<OpenBankruptcyCase, OpenedBankruptcyCase>
{
    public async ValueTask<OpenedBankruptcyCase> Handle(OpenBankruptcyCase command, CancellationToken cancellationToken)
    {
        var caseNumber = Domain.Identifiers.CaseNumber.Parse(command.CaseNumber).Value;
        CourtBinding.Require(caller, caseNumber.Court.Code, "caseNumber");
        await people.RequireAsync(command.AdministratorUserId, Roles.Administrator, caseNumber.Court.Code, "administratorUserId", cancellationToken);
        var id = EstateIds.For(caseNumber);
        var open = new EstateCommand.OpenCase(
            id,
            caseNumber,
            command.DebtorName!.Trim(),
            CreditCode.Parse(command.DebtorCreditCode).Value,
            command.AcceptedOn!.Value,
            command.AdministratorUserId!.Trim(),
            command.AdministratorName!.Trim(),
            caller.UserId);
        var loaded = await store.LoadAsync<Estate>(id, cancellationToken);
        var events = EstateDecider.Decide(loaded.State, open, store.Clock.GetUtcNow()).ThrowIfError();
        if (events.Count == 0)
        {
            return new OpenedBankruptcyCase(id, caseNumber.Value, loaded.Version, Created: false);
        }

        try
        {
            // "Created" is the append's answer, not a guess from the load: of concurrent identical registrations
            // exactly one stream creation succeeds.
            var result = await store.AppendAsync(loaded.StreamId, loaded.Exists ? ExpectedVersion.Exactly(loaded.Version) : ExpectedVersion.NoStream, events, cancellationToken: cancellationToken);
            return new OpenedBankruptcyCase(id, caseNumber.Value, result.NextExpectedVersion, Created: true);
        }
        catch (WrongExpectedVersionException)
        {
            // Someone registered it between our load and our append: the same details are a repeat (200, nothing
            // written); other details are the decider's conflict.
            var now = await store.LoadAsync<Estate>(id, cancellationToken);
            if (EstateDecider.Decide(now.State, open, store.Clock.GetUtcNow()).ThrowIfError().Count > 0)
            {
                throw;
            }

            return new OpenedBankruptcyCase(id, caseNumber.Value, now.Version, Created: false);
        }
    }
}

/// <summary>
/// An estate's id is derived from its canonical case number, so a case can be registered only once: the event store's
/// no-stream check enforces it, and a repeated registration finds the same stream.
/// </summary>
public static class EstateIds
{
    public static string For(CaseNumber caseNumber) => DeterministicGuid.From("court:bankruptcy-case:" + caseNumber.Value).ToString("D");
}
