using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Workflows;

namespace Court.Application.Bankruptcy.ReadModels;

/// <summary>The events every bankruptcy projection listens to: this capability's own, and workflow entries on its streams.</summary>
internal static class BankruptcyEvents
{
    public static bool IsOurs(IDomainEvent e) => e is IWorkflowEvent || e.GetType().Namespace == typeof(Estate).Namespace;

    public static bool IsWorkflowOn(EventEnvelope envelope, string prefix, out WorkflowStateEntry entry)
    {
        if (envelope.Event is IWorkflowEvent w && envelope.StreamId.StartsWith(prefix, StringComparison.Ordinal))
        {
            entry = w.Entered;
            return true;
        }

        entry = null!;
        return false;
    }

    public static string IdIn(EventEnvelope envelope, string prefix) => envelope.StreamId[prefix.Length..];
}
