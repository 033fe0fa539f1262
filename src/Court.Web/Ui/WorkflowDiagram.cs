namespace Court.Web.Ui;

/// <summary>
/// What the _WorkflowDiagram partial draws: Mermaid source (e.g. the workflow runtime's diagram of a definition) and the
/// instance's current state, which is highlighted unless the source already highlights it. Record pages show it folded
/// (the record is what the user came for); the workflows page, where the diagram is the content, shows it open.
/// </summary>
public sealed record WorkflowDiagram(string Mermaid, string? CurrentState = null, string? CurrentStateTitle = null, bool Open = false)
{
    public const string HighlightClass = "current";

    public string Source
    {
        get
        {
            if (CurrentState is null || Mermaid.Contains("classDef " + HighlightClass, StringComparison.Ordinal))
            {
                return Mermaid;
            }

            return Mermaid.TrimEnd() + $"\n\tclassDef {HighlightClass} fill:#fde68a,stroke:#b45309,stroke-width:3px\n\tclass {CurrentState} {HighlightClass}\n";
        }
    }
}
