using Microsoft.Extensions.DependencyInjection;
using Serverless.Intake.Files;
using Serverless.Intake.Tests.Support;
using Serverless.Storage.Blobs;

namespace Serverless.Intake.Tests.Intake;

public sealed class StagingSweeperTests
{
    [Fact]
    public async Task Sweep_StagedUploadsOlderThanTheRetention_AreDeletedAndStoredFilesKept()
    {
        await using var host = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["RequestHandler:StagingRetention"] = "00:00:01" });
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        await blobs.PutAsync("request-files", "staging/old/00-a.pdf", new MemoryStream([1, 2, 3]));
        await blobs.PutAsync("request-files", "instances/i1/00-a.pdf", new MemoryStream([1, 2, 3]));
        await Task.Delay(1500);
        await blobs.PutAsync("request-files", "staging/new/00-b.pdf", new MemoryStream([4]));

        var deleted = await host.Services.GetRequiredService<StagingSweeper>().SweepAsync(CancellationToken.None);

        deleted.Should().Be(1);
        (await blobs.ExistsAsync("request-files", "staging/old/00-a.pdf")).Should().BeFalse();
        (await blobs.ExistsAsync("request-files", "staging/new/00-b.pdf")).Should().BeTrue();
        (await blobs.ExistsAsync("request-files", "instances/i1/00-a.pdf")).Should().BeTrue();
    }
}
