using Court.Domain.Workflows;

namespace Court.Application.Workflows;

/// <summary>
/// How the runtime's own events read in a timeline: by the titles the definitions give their processes, states and
/// transitions, in the version the instance is pinned to; a code only when no loaded definition knows it.
/// </summary>
public sealed class WorkflowSentences(WorkflowCatalog catalog)
{
    public (string Zh, string En) Describe(IWorkflowEvent e)
    {
        var to = State(e, e.Entered.State);
        return e switch
        {
            WorkflowStarted => ($"启动「{Process(e).Zh}」流程，进入「{to.Zh}」", $"started the process '{Process(e).En}' at '{to.En}'"),
            WorkflowTransitioned t => Moved(Transition(t), State(e, t.From), to),
            WorkflowVersionChanged v => ($"将「{Process(e).Zh}」流程由第{v.FromVersion}版迁移到第{v.WorkflowVersion}版：{v.Reason}", $"moved the process '{Process(e).En}' from version {v.FromVersion} to {v.WorkflowVersion}: {v.Reason}"),
            _ => ($"流程进入「{to.Zh}」", $"the process entered '{to.En}'"),
        };
    }

    private static (string, string) Moved(LocalizedText action, LocalizedText from, LocalizedText to) =>
        ($"{action.Zh}：流程由「{from.Zh}」进入「{to.Zh}」", $"{action.En}: the process moved from '{from.En}' to '{to.En}'");

    private LocalizedText Process(IWorkflowEvent e) =>
        (catalog.Find(e.WorkflowId, e.WorkflowVersion) ?? catalog.Latest(e.WorkflowId))?.Title ?? new LocalizedText(e.WorkflowId, e.WorkflowId);

    private LocalizedText State(IWorkflowEvent e, string state) =>
        catalog.StateTitle(e.WorkflowId, e.WorkflowVersion, state) ?? new LocalizedText(state, state);

    private LocalizedText Transition(WorkflowTransitioned t) =>
        catalog.TransitionTitle(t.WorkflowId, t.WorkflowVersion, t.Trigger, t.From) ?? new LocalizedText(t.Trigger, t.Trigger);
}
