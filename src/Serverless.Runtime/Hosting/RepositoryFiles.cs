namespace Serverless.Runtime.Hosting;

/// <summary>Finds a file named by a setting (a model, say): absolute paths as given, relative ones from the current
/// directory upwards (as the runtime finds workflows/), then beside the application, so the repository's models/
/// folder is found from any project folder and from a published app.</summary>
public static class RepositoryFiles
{
    public static string? Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideApp) ? besideApp : null;
    }

    /// <summary>A folder named by a setting (templates, rules), found the same way as <see cref="Resolve"/>.</summary>
    public static string? ResolveFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideApp) ? besideApp : null;
    }
}
