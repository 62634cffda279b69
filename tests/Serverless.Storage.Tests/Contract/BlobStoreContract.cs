using System.Text;
using Serverless.Storage.Blobs;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Tests.Contract;

/// <summary>The behaviour every <see cref="IBlobStore"/> adapter must show. Each test writes under its own prefix.</summary>
public abstract class BlobStoreContract
{
    public const long LimitBytes = 64 * 1024;
    protected const string Container = "contract";

    protected abstract IBlobStore Store { get; }

    /// <summary>Whether the adapter can issue time-limited read URLs (the file system cannot, by design).</summary>
    protected abstract bool IssuesReadUrls { get; }

    private readonly string _prefix = "run-" + Guid.NewGuid().ToString("N")[..12] + "/";

    [Fact]
    public async Task Put_ThenGet_ReturnsBytesContentTypeAndMetadata()
    {
        var put = await Store.PutAsync(Container, _prefix + "report.json", Text("{\"ok\":true}"), new BlobPutOptions
        {
            ContentType = "application/json",
            Metadata = new Dictionary<string, string> { ["batch"] = "20260203_004229", ["Tickets"] = "5" },
        });

        await using var download = await Store.GetAsync(Container, _prefix + "report.json");

        (await new StreamReader(download.Content).ReadToEndAsync()).Should().Be("{\"ok\":true}");
        download.Info.ContentType.Should().Be("application/json");
        download.Info.Size.Should().Be(11);
        download.Info.Metadata.Should().Contain("batch", "20260203_004229").And.Contain("tickets", "5");
        put.Size.Should().Be(11);
        put.ETag.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_Missing_ThrowsItemNotFound()
    {
        var act = () => Store.GetAsync(Container, _prefix + "missing.bin");

        await act.Should().ThrowAsync<ItemNotFoundException>();
    }

    [Fact]
    public async Task Exists_TellsStoredFromMissing()
    {
        await Store.PutAsync(Container, _prefix + "a.txt", Text("a"));

        (await Store.ExistsAsync(Container, _prefix + "a.txt")).Should().BeTrue();
        (await Store.ExistsAsync(Container, _prefix + "b.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Put_Overwrite_ReplacesContent()
    {
        await Store.PutAsync(Container, _prefix + "a.txt", Text("first"));
        await Store.PutAsync(Container, _prefix + "a.txt", Text("second"));

        await using var download = await Store.GetAsync(Container, _prefix + "a.txt");
        (await new StreamReader(download.Content).ReadToEndAsync()).Should().Be("second");
    }

    [Fact]
    public async Task Put_NoOverwriteOnExisting_ThrowsItemAlreadyExistsAndKeepsContent()
    {
        await Store.PutAsync(Container, _prefix + "a.txt", Text("first"));

        var act = () => Store.PutAsync(Container, _prefix + "a.txt", Text("second"), new BlobPutOptions { Overwrite = false });

        await act.Should().ThrowAsync<ItemAlreadyExistsException>();
        await using var download = await Store.GetAsync(Container, _prefix + "a.txt");
        (await new StreamReader(download.Content).ReadToEndAsync()).Should().Be("first");
    }

    [Fact]
    public async Task List_ByPrefix_ReturnsMatchesInNameOrder()
    {
        foreach (var name in new[] { "attachments/t2/b.pdf", "attachments/t1/z.png", "attachments/t1/a.pdf", "media/x.png" })
        {
            await Store.PutAsync(Container, _prefix + name, Text(name));
        }

        var listed = await ToListAsync(Store.ListAsync(Container, _prefix + "attachments/"));

        listed.Select(b => b.Name[_prefix.Length..]).Should().Equal("attachments/t1/a.pdf", "attachments/t1/z.png", "attachments/t2/b.pdf");
        listed.Should().OnlyContain(b => b.Size > 0);
    }

    [Fact]
    public async Task List_MissingContainer_IsEmpty()
    {
        (await ToListAsync(Store.ListAsync("never-created-" + Guid.NewGuid().ToString("N")[..8]))).Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_Existing_ReturnsTrue_ThenFalse()
    {
        await Store.PutAsync(Container, _prefix + "gone.txt", Text("x"));

        (await Store.DeleteAsync(Container, _prefix + "gone.txt")).Should().BeTrue();
        (await Store.ExistsAsync(Container, _prefix + "gone.txt")).Should().BeFalse();
        (await Store.DeleteAsync(Container, _prefix + "gone.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Put_OversizedSeekable_ThrowsPayloadTooLargeWithSizeAndLimit()
    {
        var act = () => Store.PutAsync(Container, _prefix + "big.bin", new MemoryStream(new byte[LimitBytes + 1]));

        var error = (await act.Should().ThrowAsync<PayloadTooLargeException>()).Which;
        error.SizeBytes.Should().Be(LimitBytes + 1);
        error.LimitBytes.Should().Be(LimitBytes);
        (await Store.ExistsAsync(Container, _prefix + "big.bin")).Should().BeFalse();
    }

    [Fact]
    public async Task Put_OversizedStream_IsCutOffAndNothingIsStored()
    {
        var act = () => Store.PutAsync(Container, _prefix + "big.bin", new NonSeekableStream(new byte[LimitBytes * 2]));

        var error = (await act.Should().ThrowAsync<PayloadTooLargeException>()).Which;
        error.SizeBytes.Should().BeGreaterThan(LimitBytes);
        (await Store.ExistsAsync(Container, _prefix + "big.bin")).Should().BeFalse();
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    public async Task Put_InvalidName_ThrowsArgumentException(string name)
    {
        var act = () => Store.PutAsync(Container, name, Text("x"));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task GetReadUrl_GivesAWorkingLinkOrNullWhenUnsupported()
    {
        await Store.PutAsync(Container, _prefix + "shared.txt", Text("hello"), new BlobPutOptions { ContentType = "text/plain" });

        var url = await Store.GetReadUrlAsync(Container, _prefix + "shared.txt", TimeSpan.FromMinutes(5));

        if (!IssuesReadUrls)
        {
            url.Should().BeNull();
            return;
        }

        url.Should().NotBeNull();
        using var http = new HttpClient();
        (await http.GetStringAsync(url)).Should().Be("hello");
        using var tampered = await http.GetAsync(new Uri(url!.ToString().Replace("sp=r", "sp=rw", StringComparison.Ordinal)));
        ((int)tampered.StatusCode).Should().Be(403, "the signature covers the permissions");
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<BlobInfo>> ToListAsync(IAsyncEnumerable<BlobInfo> items)
    {
        var list = new List<BlobInfo>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
