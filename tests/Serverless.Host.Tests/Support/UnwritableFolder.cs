using System.Runtime.Versioning;

namespace Serverless.Host.Tests.Support;

/// <summary>
/// Makes a folder refuse writes for real until disposed. As an ordinary user that is chmod 555 on the folder and
/// every folder under it (what a read-only disk looks like to the process). As root (CI containers) chmod stops
/// nothing, so the folder is moved aside and a plain file takes its name: every create under it then fails with
/// "Not a directory". <see cref="Mechanism"/> says which one ran, for the test output.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnwritableFolder : IDisposable
{
    private readonly string path;
    private readonly string aside;
    private readonly List<(string Folder, UnixFileMode Mode)> modes = [];

    private UnwritableFolder(string path)
    {
        this.path = path;
        aside = path.TrimEnd('/') + ".aside";
        foreach (var folder in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories).Prepend(path))
        {
            modes.Add((folder, File.GetUnixFileMode(folder)));
        }

        foreach (var (folder, _) in modes)
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        if (!CanWrite(path))
        {
            Mechanism = "chmod 555";
            return;
        }

        RestoreModes();
        Directory.Move(path, aside);
        File.WriteAllText(path, "not a folder");
        Mechanism = "folder replaced by a file (running as root: chmod does not stop writes)";
    }

    public string Mechanism { get; }

    public static UnwritableFolder Make(string path) => new(path);

    /// <summary>True when the current user can write despite chmod (root): tests that need chmod itself skip then.</summary>
    public static bool ChmodIsIgnored()
    {
        using var probe = new TempFolder();
        File.SetUnixFileMode(probe.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var ignored = CanWrite(probe.Path);
        File.SetUnixFileMode(probe.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return ignored;
    }

    public void Dispose()
    {
        if (Directory.Exists(aside))
        {
            File.Delete(path);
            Directory.Move(aside, path);
        }
        else
        {
            RestoreModes();
        }
    }

    private void RestoreModes()
    {
        foreach (var (folder, mode) in modes)
        {
            File.SetUnixFileMode(folder, mode);
        }
    }

    private static bool CanWrite(string folder)
    {
        var probe = Path.Combine(folder, ".write-probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
