namespace Court.Domain.Common;

/// <summary>
/// Marks a text property that people write in paragraphs (reasons, minutes, a document's paragraphs): line breaks and
/// tabs are allowed in it. Every other string of a command is a single line (identifiers, names, numbers, references).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;
