namespace Serverless.Classification.Data;

/// <summary>One labelled text; <paramref name="Line"/> is where it starts in its source file (0 when not from a file).</summary>
public sealed record LabeledExample(string Text, string Label, int Line = 0);
