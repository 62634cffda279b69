using System.ComponentModel.DataAnnotations;

namespace Serverless.OpsConsole;

/// <summary>Settings group <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Serve the console at all (the API works without it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the console's files: relative paths are looked up beside the app first, then upwards
    /// from the working folder (the repository's console/ when run from a checkout).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "console";

    /// <summary>Sign-in authority the page may call besides its own host (Entra ID's token endpoint).</summary>
    [Required(AllowEmptyStrings = false)]
    public string SignInOrigin { get; set; } = "https://login.microsoftonline.com";
}
