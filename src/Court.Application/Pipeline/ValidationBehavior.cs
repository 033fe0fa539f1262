using FluentValidation;
using Mediator;

namespace Court.Application.Pipeline;

/// <summary>
/// Checks the message against <see cref="InputRules"/> (characters, dates, null list elements), then runs every
/// FluentValidation validator of the message; any failure stops it before the handler, listing the fields. The input
/// rules come first so no validator meets a null list element or a date it cannot add a year to.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var input = InputRules.Check(message);
        if (input.Count > 0)
        {
            throw new ValidationException(input);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
