using Court.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Pipeline;

/// <summary>
/// Who may read a whole stream (its archive, its workflow diagram): whoever may make the slice's own read of the
/// aggregate it holds — the case page's query and its rules — so a stream never shows what that page would hide.
/// </summary>
public sealed record StreamReader(string StreamPrefix, Func<IServiceProvider, ICallerContext, string, CancellationToken, ValueTask<AuthorizationOutcome>> Evaluate);

public static class StreamReaders
{
    /// <summary>Streams "<paramref name="streamPrefix"/>{id}" are read by whoever may send <paramref name="readOf"/>(id).</summary>
    public static IServiceCollection AddStreamReader<TQuery>(this IServiceCollection services, string streamPrefix, Func<string, TQuery> readOf) =>
        services.AddSingleton(new StreamReader(streamPrefix, (sp, caller, id, ct) =>
            AuthorizationRules.EvaluateAsync(sp.GetServices<IAuthorizationRule<TQuery>>(), readOf(id), caller, ct)));

    /// <summary>The outcome for <paramref name="streamId"/> by its registered reader (longest prefix); null when no slice registered one.</summary>
    public static async ValueTask<AuthorizationOutcome?> EvaluateAsync(IServiceProvider services, string streamId, ICallerContext caller, CancellationToken ct)
    {
        var reader = services.GetServices<StreamReader>()
            .Where(r => streamId.StartsWith(r.StreamPrefix, StringComparison.Ordinal))
            .MaxBy(r => r.StreamPrefix.Length);
        return reader is null ? null : await reader.Evaluate(services, caller, streamId[reader.StreamPrefix.Length..], ct);
    }
}

public static class AuthorizationRules
{
    /// <summary>The first refusal among <paramref name="rules"/>, as the pipeline asks them; allowed only when there are rules and all allow.</summary>
    public static async ValueTask<AuthorizationOutcome> EvaluateAsync<T>(IEnumerable<IAuthorizationRule<T>> rules, T message, ICallerContext caller, CancellationToken ct)
    {
        var any = false;
        foreach (var rule in rules)
        {
            any = true;
            var outcome = await rule.EvaluateAsync(message, caller, ct);
            if (outcome != AuthorizationOutcome.Allowed)
            {
                return outcome;
            }
        }

        // A read no rule guards is a wiring mistake, not an open door.
        return any ? AuthorizationOutcome.Allowed : AuthorizationOutcome.Hidden;
    }
}
