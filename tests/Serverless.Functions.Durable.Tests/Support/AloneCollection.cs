namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>Tests that load both cores for minutes run alone, so the parity rows with one-second deadlines are not
/// judged on a machine they share with a 2,000-item run.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Runs alone";
}
