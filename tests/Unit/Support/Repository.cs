namespace CxLive.Tests.Unit.Support;

/// <summary>The repository the tests were built from: for tests that hold the docs and pages to what the code does.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxLive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no CxLive.sln above {AppContext.BaseDirectory}");
    }
}
