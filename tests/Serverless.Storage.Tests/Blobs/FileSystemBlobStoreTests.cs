using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Storage;
using Serverless.Storage.Blobs;
using Serverless.Storage.Blobs.FileSystem;
using Serverless.Storage.Errors;
using Serverless.Storage.Tests.Contract;

namespace Serverless.Storage.Tests.Blobs;

public sealed class FileSystemStoreFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public FileSystemStoreFixture()
    {
        _services = StoreFactory.Build(new()
        {
            ["Storage:DataFolder"] = Folder,
            ["Storage:Documents:Provider"] = "sqlite",
            ["Storage:Blobs:Provider"] = "files",
            ["Storage:Blobs:MaxBlobBytes"] = BlobStoreContract.LimitBytes.ToString(CultureInfo.InvariantCulture),
        });
        Store = _services.GetRequiredService<IBlobStore>();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "serverless-blobs-" + Guid.NewGuid().ToString("N"));

    public IBlobStore Store { get; }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class FileSystemBlobStoreTests(FileSystemStoreFixture fixture) : BlobStoreContract, IClassFixture<FileSystemStoreFixture>
{
    protected override IBlobStore Store => fixture.Store;

    protected override bool IssuesReadUrls => false;

    [Fact]
    public async Task Put_KeepsContentInsideTheDataFolder()
    {
        Store.Should().BeOfType<FileSystemBlobStore>();
        await Store.PutAsync("contract", "inside/x.txt", new MemoryStream([1, 2, 3]));

        File.Exists(Path.Combine(fixture.Folder, "blobs", "contract", "inside", "x.txt")).Should().BeTrue();
        Directory.EnumerateFiles(Path.Combine(fixture.Folder, "blobs", ".tmp")).Should().BeEmpty("temporary files are moved or removed");
    }

    [Fact]
    public async Task Put_BlobFolderReplacedByAFile_ThrowsStorageUnavailableNamingTheStore_ThenWorksOnceBack()
    {
        var root = Path.Combine(fixture.Folder, "broken-" + Guid.NewGuid().ToString("N"));
        var store = new FileSystemBlobStore(
            Options.Create(new BlobStoreOptions { Files = new FileBlobOptions { Root = root } }),
            Options.Create(new StorageOptions { DataFolder = fixture.Folder }));
        Directory.Move(root, root + ".aside");
        await File.WriteAllTextAsync(root, "not a folder");

        var act = () => store.PutAsync("contract", "x.txt", new MemoryStream([1, 2, 3]));

        var failure = (await act.Should().ThrowAsync<StorageUnavailableException>()).Which;
        failure.Store.Should().Be("blobs");
        failure.Reason.Should().NotBeNullOrWhiteSpace();
        File.Delete(root);
        Directory.Move(root + ".aside", root);
        (await store.PutAsync("contract", "x.txt", new MemoryStream([1, 2, 3]))).Size.Should().Be(3);
    }

    [Fact]
    public async Task Put_SourceStreamFails_RethrowsTheStreamErrorNotStorageUnavailable()
    {
        var act = () => Store.PutAsync("contract", "broken-source.txt", new FailingStream());

        (await act.Should().ThrowAsync<IOException>()).Which.Message.Should().Be("client went away");
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("client went away");
    }
}
