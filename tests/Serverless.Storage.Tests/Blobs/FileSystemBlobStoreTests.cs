using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Storage.Blobs;
using Serverless.Storage.Blobs.FileSystem;
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
}
