using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Web.Tests.Support;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Web.Tests.Authorization;

/// <summary>
/// Every command and query passes resource-based authorization: it has an <see cref="IAuthorizationRule{TMessage}"/>
/// registered, or says it is public (<see cref="IAllowAnonymous"/>) or for any signed-in caller (<see cref="IAnySignedInCaller"/>).
/// </summary>
public sealed class EveryMessageHasARuleTests(CourtWebFactory app) : IClassFixture<CourtWebFactory>
{
    /// <summary>
    /// Messages whose handler does the resource check itself (load, then decide) instead of a pipeline rule. Each is
    /// debt: move the check into an IAuthorizationRule (e.g. DocumentRule) and delete the line here.
    /// </summary>
    private static readonly HashSet<string> CheckedInHandler = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Every_command_and_query_has_an_authorization_rule_or_says_who_may_send_it()
    {
        using var scope = app.Services.CreateScope();
        var unruled = typeof(AggregateStore).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .Where(t => !typeof(IAllowAnonymous).IsAssignableFrom(t) && !typeof(IAnySignedInCaller).IsAssignableFrom(t))
            .Where(t => !CheckedInHandler.Contains(t.FullName!))
            .Where(t => !scope.ServiceProvider.GetServices(typeof(IAuthorizationRule<>).MakeGenericType(t)).Any())
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unruled.Count == 0, "No authorization rule for:\n" + string.Join("\n", unruled));
    }

    [Fact]
    public void The_exemption_list_names_only_messages_that_exist_and_still_lack_a_rule()
    {
        using var scope = app.Services.CreateScope();
        foreach (var name in CheckedInHandler)
        {
            var type = typeof(AggregateStore).Assembly.GetType(name);
            Assert.True(type is not null, $"{name} no longer exists: remove it from the list.");
            Assert.False(scope.ServiceProvider.GetServices(typeof(IAuthorizationRule<>).MakeGenericType(type)).Any(), $"{name} has a rule now: remove it from the list.");
        }
    }
}
