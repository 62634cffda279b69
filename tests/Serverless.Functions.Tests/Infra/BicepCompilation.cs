using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Functions.Tests.Infra;

/// <summary>infra/main.bicep compiled once per test run with the Bicep CLI of NuGet package
/// Azure.Bicep.CommandLine.linux-x64: tools/bicep/Bicep.proj restores it (target LocateBicep prints the binary's path
/// under the restored package folder and makes it executable), then `bicep build` writes the ARM template to a temp
/// folder and `bicep lint` runs the linter. scripts/bicep.sh does the same by hand.</summary>
public sealed partial class BicepCompilation
{
    private static readonly Lazy<BicepCompilation> Instance = new(() => new BicepCompilation(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonDocument? template;

    private BicepCompilation()
    {
        var output = new StringBuilder();
        try
        {
            var locate = Run(DotnetHost(), ["msbuild", RepositoryFiles.Path("tools", "bicep", "Bicep.proj"), "-restore", "-nologo", "-t:LocateBicep", "-getProperty:BicepExecutable"]);
            output.AppendLine("$ dotnet msbuild tools/bicep/Bicep.proj -t:LocateBicep").Append(locate.Output);
            BicepPath = locate.Output.Trim();
            if (locate.ExitCode != 0 || !File.Exists(BicepPath))
            {
                Failure = "the Bicep CLI could not be restored";
                return;
            }

            var folder = Directory.CreateTempSubdirectory("bicep-");
            var outFile = Path.Combine(folder.FullName, "main.json");
            var main = RepositoryFiles.Path("infra", "main.bicep");
            var build = Run(BicepPath, ["build", main, "--outfile", outFile]);
            output.AppendLine("$ bicep build infra/main.bicep").Append(build.Output);
            var lint = Run(BicepPath, ["lint", main]);
            output.AppendLine("$ bicep lint infra/main.bicep").Append(lint.Output);

            Diagnostics = [.. (build.Output + "\n" + lint.Output).Split('\n').Select(l => Diagnostic().Match(l.Trim()))
                .Where(m => m.Success).Select(m => $"{m.Groups["level"].Value} {m.Groups["code"].Value}: {m.Groups["message"].Value} ({Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value})")
                .Distinct(StringComparer.Ordinal)];
            ExitCodes = [build.ExitCode, lint.ExitCode];
            if (build.ExitCode == 0 && File.Exists(outFile))
            {
                template = JsonDocument.Parse(File.ReadAllText(outFile));
                Main = new ArmScope(template.RootElement, "main");
            }
            else
            {
                Failure = "bicep build failed";
            }

            folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or System.ComponentModel.Win32Exception or InvalidOperationException or JsonException)
        {
            Failure = ex.Message;
        }
        finally
        {
            Output = output.ToString();
        }
    }

    /// <summary>The one compilation of this test run.</summary>
    public static BicepCompilation Shared => Instance.Value;

    public string BicepPath { get; } = "";

    /// <summary>Everything the restore, `bicep build` and `bicep lint` printed.</summary>
    public string Output { get; }

    /// <summary>Errors, warnings and infos of build and lint, each once.</summary>
    public IReadOnlyList<string> Diagnostics { get; } = [];

    public IReadOnlyList<int> ExitCodes { get; } = [];

    /// <summary>Why there is no compiled template, or null.</summary>
    public string? Failure { get; }

    /// <summary>The compiled main template (subscription scope); its modules are nested templates.</summary>
    public ArmScope Main
    {
        get => field ?? throw new InvalidOperationException($"infra/main.bicep did not compile ({Failure}):\n{Output}");
        private init;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may inherit the outer `dotnet test` MSBuild's variables; the nested restore wants its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out after 5 minutes\n");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[\w-]+): (?<message>.*)$")]
    private static partial Regex Diagnostic();
}

/// <summary>The xunit fixture of the test classes that read the compiled template (IClassFixture); every one gets
/// the same compilation, made once per test run.</summary>
public sealed class CompiledTemplate
{
    public BicepCompilation Compilation => BicepCompilation.Shared;

    public ArmScope Main => Compilation.Main;

    public IReadOnlyDictionary<string, AppSetting> AppSettings => FunctionAppSettings.Compiled;
}
