namespace Serverless.Classification.Features;

/// <summary>Receives each n-gram of a text as a span over a reused buffer (copy it to keep it).</summary>
internal interface INgramSink
{
    void Add(ReadOnlySpan<char> feature);
}
