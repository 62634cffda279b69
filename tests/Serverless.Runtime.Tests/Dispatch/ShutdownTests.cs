using Serverless.Runtime.Activities;
using Serverless.Runtime.Dispatch;
using Serverless.Runtime.Tests.Support;

namespace Serverless.Runtime.Tests.Dispatch;

/// <summary>A host can stop the pump and dispose it at the same moment (the container disposes singletons while a
/// stop is still unwinding): closing the store must happen once, whole, whichever comes first.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task StopAndDispose_AtTheSameTime_CloseTheStoreWithoutError()
    {
        for (var round = 0; round < 20; round++)
        {
            var runtime = await RuntimeHarness.StartAsync(Path.Combine(folder.Path, $"r{round}"), clock, _ => { });
            var pump = runtime.Get<EventPump>();

            var stop = Task.Run(pump.StopAsync);
            var dispose = Task.Run(pump.Dispose);

            await FluentActions.Awaiting(() => Task.WhenAll(stop, dispose)).Should().NotThrowAsync($"round {round}");
            await runtime.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkerPool_StopAndDispose_AtTheSameTime_StopWithoutError()
    {
        for (var round = 0; round < 20; round++)
        {
            var runtime = await RuntimeHarness.StartAsync(Path.Combine(folder.Path, $"w{round}"), clock, _ => { });
            var pool = runtime.Get<ActivityWorkerPool>();

            var stop = Task.Run(pool.StopAsync);
            var dispose = Task.Run(pool.Dispose);

            await FluentActions.Awaiting(() => Task.WhenAll(stop, dispose)).Should().NotThrowAsync($"round {round}");
            await runtime.DisposeAsync();
        }
    }

    public void Dispose() => folder.Dispose();
}
