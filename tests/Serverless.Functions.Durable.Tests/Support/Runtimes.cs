using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Functions.Durable.Tests.Support;

/// <summary>Starts the runtime a parity test row names.</summary>
public static class Runtimes
{
    public const string Embedded = "embedded";
    public const string Durable = "durable";

    public static TheoryData<string> Both => new() { Embedded, Durable };

    public static async Task<IRuntimeHarness> StartAsync(string runtime, Action<IServiceCollection> configure, IDictionary<string, string?>? settings = null) =>
        runtime switch
        {
            Embedded => await EmbeddedHarness.StartAsync(configure, settings),
            Durable => await DurableHarness.StartAsync(configure, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(runtime), runtime, "Unknown runtime."),
        };
}
