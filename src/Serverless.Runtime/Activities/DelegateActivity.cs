using System.Text.Json.Nodes;
using Serverless.Runtime.Abstractions;

namespace Serverless.Runtime.Activities;

/// <summary>An activity written as a function (demos, tests, benchmarks).</summary>
public sealed class DelegateActivity(string name, Func<ActivityContext, CancellationToken, Task<JsonNode?>> run) : IActivity
{
    public string Name { get; } = name;

    public Task<JsonNode?> RunAsync(ActivityContext context, CancellationToken cancellationToken) => run(context, cancellationToken);
}
