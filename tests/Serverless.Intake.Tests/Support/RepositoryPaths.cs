namespace Serverless.Intake.Tests.Support;

internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Workflow => Path.Combine(Root, "workflows", "request-handler.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above the test folder.");
    }
}
