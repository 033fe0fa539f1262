using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Json.Schema;

namespace Court.Infrastructure.Workflows;

/// <summary>
/// Reads <c>*.json</c> definitions from a folder: each is checked against <c>workflow.schema.json</c> (JsonSchema.Net),
/// then for meaning (<see cref="WorkflowDefinitionValidator"/>). Problems name the file, the JSON path and what is
/// wrong; any problem refuses the whole folder.
/// </summary>
public sealed class JsonWorkflowDefinitionLoader(string folder)
{
    public const string SchemaFileName = "workflow.schema.json";

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Loads every definition in the folder, or throws <see cref="InvalidWorkflowDefinitionException"/> listing every problem.</summary>
    public IReadOnlyList<WorkflowDefinition> LoadAll(WorkflowValidationContext context)
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidWorkflowDefinitionException([new WorkflowDefinitionProblem(Folder, "$", "The workflows folder does not exist (set Court:Workflows:Path).")]);
        }

        var schema = LoadSchema(Path.Combine(Folder, SchemaFileName));
        var problems = new List<WorkflowDefinitionProblem>();
        var definitions = new List<WorkflowDefinition>();
        var files = Directory.EnumerateFiles(Folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (definition, fileProblems) = LoadFile(schema, file, context);
            problems.AddRange(fileProblems);
            if (definition is not null && fileProblems.Count == 0)
            {
                definitions.Add(definition);
            }
        }

        foreach (var clash in definitions.GroupBy(d => (d.Id, d.Version)).Where(g => g.Count() > 1))
        {
            var others = string.Join(", ", clash.Skip(1).Select(d => Path.GetFileName(d.SourceFile)));
            problems.Add(new WorkflowDefinitionProblem(clash.First().SourceFile, "$.version", $"Workflow '{clash.Key.Id}' version {clash.Key.Version} is also defined in {others}."));
        }

        return problems.Count > 0 ? throw new InvalidWorkflowDefinitionException(problems) : definitions;
    }

    /// <summary>One file: the definition when it passes the schema, and every problem found (schema, then meaning).</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<WorkflowDefinitionProblem> Problems) LoadFile(JsonSchema schema, string file, WorkflowValidationContext context)
    {
        var name = Path.GetFileName(file);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            return (null, [new WorkflowDefinitionProblem(name, "$", $"The file is not valid JSON: {ex.Message}")]);
        }

        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            return (null, SchemaProblems(name, result));
        }

        var definition = Parse(name, node!.AsObject());
        var problems = new List<WorkflowDefinitionProblem>();
        var expectedName = string.Create(CultureInfo.InvariantCulture, $"{definition.Id}.v{definition.Version}.json");
        if (!string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            problems.Add(new WorkflowDefinitionProblem(name, "$.id", $"The file of workflow '{definition.Id}' version {definition.Version} must be named {expectedName}."));
        }

        problems.AddRange(WorkflowDefinitionValidator.Validate(definition, context));
        return (definition, problems);
    }

    public static JsonSchema LoadSchema(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidWorkflowDefinitionException([new WorkflowDefinitionProblem(path, "$", "The workflow JSON Schema is missing.")]);
        }

        // A registry per build: the schema's $id would otherwise clash in the global one when loaded twice.
        return JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static List<WorkflowDefinitionProblem> SchemaProblems(string file, EvaluationResults result)
    {
        var problems = new List<WorkflowDefinitionProblem>();
        foreach (var detail in (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var (keyword, message) in detail.Errors!)
            {
                problems.Add(new WorkflowDefinitionProblem(file, ToJsonPath(detail.InstanceLocation.ToString()), $"{message} (schema: {keyword})."));
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new WorkflowDefinitionProblem(file, "$", "The definition does not match workflow.schema.json."));
        }

        return [.. problems.Distinct()];
    }

    /// <summary>"/transitions/0/to" becomes "$.transitions[0].to", the form every problem uses.</summary>
    public static string ToJsonPath(string jsonPointer)
    {
        var path = "$";
        foreach (var segment in jsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? $"[{index}]" : "." + part;
        }

        return path;
    }

    private static WorkflowDefinition Parse(string file, JsonObject root)
    {
        var states = root["states"]!.AsObject().Select(p =>
        {
            var s = p.Value!.AsObject();
            DeadlineDefinition? deadline = null;
            if (s["deadline"] is JsonObject d)
            {
                deadline = new DeadlineDefinition((int)d["days"]!, Unit(d["unit"]), (string?)d["onExpiry"]);
            }

            return new StateDefinition(p.Key, Text(s["title"]!), (string?)s["responsible"], deadline, (bool?)s["final"] ?? false, (string?)s["waitsOn"]);
        }).ToList();

        var transitions = root["transitions"]!.AsArray().Select((n, i) =>
        {
            var t = n!.AsObject();
            var roles = t["roles"]!.AsArray().Select(r => (string)r!).ToList();
            return new TransitionDefinition((string)t["trigger"]!, (string)t["from"]!, (string)t["to"]!, roles, (string?)t["guard"], i, Text(t["title"]!));
        }).ToList();

        var periods = (root["periods"] as JsonObject ?? []).Select(p =>
        {
            var o = p.Value!.AsObject();
            return new PeriodDefinition(p.Key, (int?)o["months"], (int?)o["days"], Unit(o["unit"]), o["title"] is { } title ? Text(title) : null);
        }).ToList();
        var settings = (root["settings"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<JsonElement>(), StringComparer.Ordinal);
        var tasks = (root["tasks"] as JsonObject ?? []).Select(p => new TaskDefinition(p.Key, Text(p.Value!["title"]!), (string)p.Value!["responsible"]!)).ToList();

        return new WorkflowDefinition((string)root["id"]!, (int)root["version"]!, Text(root["title"]!), (string)root["subject"]!, (string)root["initialState"]!, states, transitions, file, periods, settings, tasks);
    }

    private static PeriodUnit Unit(JsonNode? unit) => (string?)unit == "workingDays" ? PeriodUnit.WorkingDays : PeriodUnit.CalendarDays;

    private static LocalizedText Text(JsonNode node) => new((string)node["zh"]!, (string)node["en"]!);
}
