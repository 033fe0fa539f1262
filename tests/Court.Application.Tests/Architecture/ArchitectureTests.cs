using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Court.Application.Common;
using Court.Application.EventStore;
using Court.Domain.Common;
using Court.Infrastructure;

namespace Court.Application.Tests.Architecture;

/// <summary>Dependencies point inward (Web -> Infrastructure -> Application -> Domain), and events are immutable facts.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(IDomainEvent).Assembly;
    private static readonly Assembly Application = typeof(AggregateStore).Assembly;
    private static readonly Assembly Infrastructure = typeof(DependencyInjection).Assembly;

    [Fact]
    public void The_domain_references_nothing_but_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(IsBaseClassLibrary(name), $"Court.Domain references {name}"));
    }

    [Fact]
    public void The_application_references_neither_infrastructure_nor_web_nor_ef_core()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Court.Domain", references);
        Assert.All(references, name => Assert.False(
            name.StartsWith("Court.Infrastructure", StringComparison.Ordinal)
            || name.StartsWith("Court.Web", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal),
            $"Court.Application references {name}"));
    }

    [Fact]
    public void The_infrastructure_does_not_reference_the_web_host()
    {
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), a => a.Name!.StartsWith("Court.Web", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_domain_event_is_a_sealed_record_with_a_stable_name_and_no_setter()
    {
        var events = new[] { Domain, Application, typeof(ArchitectureTests).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, type => Assert.Empty(EventRuleViolations(type)));
    }

    [Fact]
    public void The_event_rule_catches_classes_setters_writable_fields_and_missing_names()
    {
        Assert.Empty(EventRuleViolations(typeof(GoodEvent)));
        Assert.Equal(["not a record", "no [EventType]"], EventRuleViolations(typeof(ClassEvent)));
        Assert.Equal(["Amount has a setter"], EventRuleViolations(typeof(SettableEvent)));
        Assert.Equal(["not sealed", "Note is a writable field"], EventRuleViolations(typeof(OpenEvent)));
        Assert.Equal(["event name 'Bad_Name' is not like capability.thing-happened.v1"], EventRuleViolations(typeof(BadlyNamedEvent)));
    }

    [Fact]
    public void The_event_type_registry_maps_every_domain_event_both_ways()
    {
        var registry = new EventTypeRegistry([Domain]);

        Assert.All(
            Domain.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsAbstract),
            type => Assert.Equal(type, registry.TypeOf(registry.NameOf(type))));
    }

    private static List<string> EventRuleViolations(Type type)
    {
        var violations = new List<string>();
        if (!type.IsSealed)
        {
            violations.Add("not sealed");
        }

        if (type.GetMethod("<Clone>$") is null)
        {
            violations.Add("not a record");
        }

        var name = type.GetCustomAttribute<EventTypeAttribute>()?.Name;
        if (name is null)
        {
            violations.Add("no [EventType]");
        }
        else if (!EventName().IsMatch(name))
        {
            violations.Add($"event name '{name}' is not like capability.thing-happened.v1");
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                violations.Add($"{property.Name} has a setter");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.IsInitOnly && !field.Name.StartsWith('<'))
            {
                violations.Add($"{field.Name} is a writable field");
            }
        }

        return violations;
    }

    private static bool IsBaseClassLibrary(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

    /// <summary>"capability.thing-happened.v1": lower-case, dot-separated, versioned.</summary>
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+\.v[0-9]+$")]
    private static partial Regex EventName();

    // Shapes for the rule's own test. They do not implement IDomainEvent, so no registry ever sees them.
    [EventType("test.good-happened.v1")]
    private sealed record GoodEvent(string Name)
    {
        public int Count { get; init; }
    }

    private sealed class ClassEvent;

    [EventType("test.settable-happened.v1")]
    private sealed record SettableEvent
    {
        public long Amount { get; set; }
    }

    [EventType("test.open-happened.v1")]
#pragma warning disable CA1051, CA1852, CS0649 // an open record with a writable field is the point of this shape
    private record OpenEvent
    {
        public string? Note;
    }
#pragma warning restore CA1051, CA1852, CS0649

    [EventType("Bad_Name")]
    private sealed record BadlyNamedEvent;
}
