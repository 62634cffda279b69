using System.Security.Cryptography;

namespace Serverless.Host.Configuration;

/// <summary>
/// The embedded host runs with no secrets configured: when Approvals:SigningKey is not set, it uses a random key
/// generated once and kept in the data folder (readable by the owner only), so approval links stay valid across
/// restarts. A configured key (Key Vault in Azure, a setting elsewhere) always wins.
/// </summary>
internal static class LocalSigningKey
{
    public const string SettingKey = "Approvals:SigningKey";
    public const string FileName = "approvals-signing.key";

    public static IConfigurationBuilder AddLocalSigningKey(this IConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[SettingKey]))
        {
            return configuration;
        }

        var folder = Path.GetFullPath(configuration["Runtime:DataFolder"] ?? ".data");
        var path = Path.Combine(folder, FileName);
        return configuration.AddInMemoryCollection([new(SettingKey, ReadOrCreate(folder, path))]);
    }

    private static string ReadOrCreate(string folder, string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(folder);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
