namespace Serverless.Helpdesk.Tests;

/// <summary>The repository's rules/ and templates/ folders, found from the test's output folder upwards.</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules", "helpdesk");

    public static string Templates => Path.Combine(Root, "templates", "helpdesk");

    public static HelpdeskOptions Options() => new() { RulesFolder = Rules, TemplatesFolder = Templates };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    }
}
