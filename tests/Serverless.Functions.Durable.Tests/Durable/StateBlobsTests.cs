using Microsoft.Extensions.Options;
using Serverless.Storage;
using Serverless.Storage.Blobs;
using Serverless.Storage.Blobs.FileSystem;

namespace Serverless.Functions.Durable.Tests.Durable;

/// <summary>The parts a large state crosses the orchestrator boundary in: each under Durable's per-message limit,
/// never splitting a character, and joined back to the same text.</summary>
public sealed class StateBlobsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("state-blobs-").FullName;

    [Fact]
    public void Parts_EmptyText_IsOnePart()
    {
        StateBlobs.Parts("").Should().Equal("");
    }

    [Fact]
    public void Parts_LongText_CutAtPartCharsAndJoinedBack()
    {
        var text = new string('x', (StateBlobs.PartChars * 2) + 7);
        var parts = StateBlobs.Parts(text);
        parts.Select(p => p.Length).Should().Equal(StateBlobs.PartChars, StateBlobs.PartChars, 7);
        string.Concat(parts).Should().Be(text);
    }

    [Fact]
    public void Parts_SurrogatePairOnTheBoundary_StaysInOnePart()
    {
        var text = new string('a', StateBlobs.PartChars - 1) + "\U0001F600" + "tail";
        var parts = StateBlobs.Parts(text);
        parts[0].Length.Should().Be(StateBlobs.PartChars - 1);
        parts[1].Should().StartWith("\U0001F600");
        string.Concat(parts).Should().Be(text);
    }

    [Fact]
    public async Task SavePartsJoinAndLoadParts_RoundTripTheState()
    {
        var blobs = new StateBlobs(new FileSystemBlobStore(
            Options.Create(new BlobStoreOptions()), Options.Create(new StorageOptions { DataFolder = folder })));
        var json = "\"" + string.Concat(Enumerable.Range(0, StateBlobs.PartChars / 4).Select(i => "é€\U0001F600")) + "\"";
        var parts = StateBlobs.Parts(json);
        parts.Should().HaveCountGreaterThan(1);
        for (var i = 0; i < parts.Count; i++)
        {
            await blobs.SavePartAsync("instance:1", "final", i, parts[i], CancellationToken.None);
        }

        var path = await blobs.JoinPartsAsync("instance:1", "final", parts.Count, CancellationToken.None);
        (await blobs.LoadAsync(path, CancellationToken.None)).Should().Be(json);
        var loaded = new List<StatePart>();
        do
        {
            loaded.Add(await blobs.LoadPartAsync(path, loaded.Count, CancellationToken.None));
        }
        while (loaded[^1].More);

        string.Concat(loaded.Select(p => p.Text)).Should().Be(json);
        Directory.EnumerateFiles(folder, "*.part*", SearchOption.AllDirectories).Should().BeEmpty("the parts are removed once joined");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
