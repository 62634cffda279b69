using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Storage.Errors;

namespace Serverless.Storage.Blobs.FileSystem;

/// <summary>
/// The embedded blob store: content under {root}/{container}/{name}, properties in a JSON sidecar under
/// {root}/.meta/{container}/{name}.json. Writes go to {root}/.tmp first and are moved into place, so a reader never
/// sees half a file. <see cref="GetReadUrlAsync"/> returns null: a file path is not a time-limited link.
/// Unlike Azure, a name cannot be both a blob and a folder ("a" and "a/b"): the second put fails.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly long _limit;

    public FileSystemBlobStore(IOptions<BlobStoreOptions> options, IOptions<StorageOptions> storage)
    {
        _root = Path.GetFullPath(options.Value.Files.Root ?? Path.Combine(storage.Value.DataFolder, "blobs"));
        _limit = options.Value.MaxBlobBytes;
        Directory.CreateDirectory(Path.Combine(_root, ".tmp"));
    }

    /// <summary>A folder that refuses the write (read-only, missing, not a folder, disk full) throws
    /// <see cref="StorageUnavailableException"/>; nothing is left behind.</summary>
    public async Task<BlobInfo> PutAsync(string container, string name, Stream content, BlobPutOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WriteAsync(container, name, content, options, cancellationToken);
        }
        catch (SourceReadException e)
        {
            // The caller's stream failed (a client that hung up, a body over Kestrel's limit), not the disk.
            ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException("blobs", _root, e);
        }
    }

    private async Task<BlobInfo> WriteAsync(string container, string name, Stream content, BlobPutOptions? options, CancellationToken cancellationToken)
    {
        options ??= new BlobPutOptions();
        var (file, meta) = Paths(container, name);
        var metadata = BlobRules.Metadata(options.Metadata);
        if (content.CanSeek && content.Length - content.Position > _limit)
        {
            throw new PayloadTooLargeException(container, name, content.Length - content.Position, _limit);
        }

        if (!options.Overwrite && File.Exists(file))
        {
            throw new ItemAlreadyExistsException(container, name);
        }

        var temp = Path.Combine(_root, ".tmp", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await CopyAsync(new LimitedReadStream(content, _limit, container, name), target, cancellationToken);
            }

            var info = new BlobInfo(container, name, new FileInfo(temp).Length, options.ContentType, metadata,
                DateTimeOffset.UtcNow, $"\"{Guid.NewGuid():N}\"");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
            await File.WriteAllTextAsync(temp + ".json", JsonSerializer.Serialize(Sidecar.From(info)), cancellationToken);
            if (options.Overwrite)
            {
                File.Move(temp, file, overwrite: true);
            }
            else
            {
                try
                {
                    File.Move(temp, file, overwrite: false);
                }
                catch (IOException) when (File.Exists(file))
                {
                    throw new ItemAlreadyExistsException(container, name);
                }
            }

            File.Move(temp + ".json", meta, overwrite: true);
            return info;
        }
        finally
        {
            DeleteQuietly(temp);
            DeleteQuietly(temp + ".json");
        }
    }

    public async Task<BlobDownload> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var (file, meta) = Paths(container, name);
        try
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return new BlobDownload(await ReadInfoAsync(container, name, file, meta, cancellationToken), stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ItemNotFoundException(container, name);
        }
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(Paths(container, name).File));

    public async IAsyncEnumerable<BlobInfo> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobRules.Container(container);
        var folder = Path.Combine(_root, container);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => prefix is null || name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (file, meta) = Paths(container, name);
            BlobInfo info;
            try
            {
                info = await ReadInfoAsync(container, name, file, meta, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue; // deleted while listing
            }

            yield return info;
        }
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var (file, meta) = Paths(container, name);
        var existed = File.Exists(file);
        File.Delete(file);
        File.Delete(meta);
        return Task.FromResult(existed);
    }

    public Task<Uri?> GetReadUrlAsync(string container, string name, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        Paths(container, name);
        return Task.FromResult<Uri?>(null);
    }

    private static async Task CopyAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (true)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException e)
            {
                throw new SourceReadException(e);
            }

            if (read == 0)
            {
                return;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>Cleaning up a failed write must not hide why it failed (the folder may be gone with it).</summary>
    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private (string File, string Meta) Paths(string container, string name)
    {
        BlobRules.Container(container);
        BlobRules.Name(name);
        var relative = name.Replace('/', Path.DirectorySeparatorChar);
        return (Path.Combine(_root, container, relative), Path.Combine(_root, ".meta", container, relative + ".json"));
    }

    private static async Task<BlobInfo> ReadInfoAsync(string container, string name, string file, string meta, CancellationToken cancellationToken)
    {
        var length = new FileInfo(file).Length;
        if (!File.Exists(meta))
        {
            // A file dropped into the folder by hand: serve it with default properties.
            return new BlobInfo(container, name, length, "application/octet-stream", new Dictionary<string, string>(),
                File.GetLastWriteTimeUtc(file), $"\"{File.GetLastWriteTimeUtc(file).Ticks:x}\"");
        }

        await using var stream = File.OpenRead(meta);
        var sidecar = await JsonSerializer.DeserializeAsync<Sidecar>(stream, cancellationToken: cancellationToken)
            ?? throw new StorageException($"Blob properties of '{name}' in '{container}' are unreadable.");
        return new BlobInfo(container, name, length, sidecar.ContentType, sidecar.Metadata, sidecar.LastModified, sidecar.ETag);
    }

    private sealed record Sidecar(string ContentType, Dictionary<string, string> Metadata, DateTimeOffset LastModified, string ETag)
    {
        public static Sidecar From(BlobInfo info) => new(info.ContentType, new(info.Metadata), info.LastModified, info.ETag);
    }
}

/// <summary>Marks a failure of the stream being stored, so it is not mistaken for the disk refusing.</summary>
internal sealed class SourceReadException(IOException inner) : Exception(inner.Message, inner);
