namespace Serverless.Connectors.Llm;

/// <summary>One answer the LLM must give, by name (a JSON property of its answer), chosen inside <see cref="Labels"/>.</summary>
public sealed record LlmLabelSet(string Name, IReadOnlyList<string> Labels);

/// <summary>The label the LLM chose in one set and its stated confidence (0..1).</summary>
public sealed record LlmLabel(string Label, double Confidence);
