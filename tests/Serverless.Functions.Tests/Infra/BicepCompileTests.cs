using System.Xml.Linq;
using Xunit.Abstractions;

namespace Serverless.Functions.Tests.Infra;

/// <summary>infra/main.bicep compiles with the Bicep CLI, and neither the compiler nor the linter reports anything.</summary>
public sealed class BicepCompileTests(CompiledTemplate compiled, ITestOutputHelper output) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void MainBicep_BuildsAndLints_WithNoErrorOrWarning()
    {
        var compilation = compiled.Compilation;
        output.WriteLine(compilation.Output);

        compilation.Failure.Should().BeNull(compilation.Output);
        compilation.ExitCodes.Should().OnlyContain(code => code == 0, compilation.Output);
        compilation.Diagnostics.Should().BeEmpty("bicep build and bicep lint report no error and no warning; they printed:\n" + compilation.Output);
    }

    [Fact]
    public void TheBicepCli_IsTheOneOfTheCentrallyVersionedNuGetPackage()
    {
        var version = XDocument.Load(RepositoryFiles.Path("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => p.Attribute("Include")?.Value == "Azure.Bicep.CommandLine.linux-x64").Attribute("Version")!.Value;

        compiled.Compilation.BicepPath.Replace('\\', '/').Should().EndWith($"/azure.bicep.commandline.linux-x64/{version}/tools/bicep", compiled.Compilation.Output);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(compiled.Compilation.BicepPath).Should().HaveFlag(UnixFileMode.UserExecute);
        }
    }
}
