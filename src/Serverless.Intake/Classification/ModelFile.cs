namespace Serverless.Intake.Classification;

/// <summary>Finds a model file: absolute paths as given, relative ones from the current directory upwards
/// (as the runtime finds workflows/), so the repository's models/ folder is found from any project folder.</summary>
internal static class ModelFile
{
    public static string? Resolve(string path)
    {
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
}
