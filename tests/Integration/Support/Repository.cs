using System.Diagnostics;

namespace CxLive.Tests.Integration.Support;

/// <summary>The repository the tests were built from, and its command-line tools as an operator runs them.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs <paramref name="file"/> in <paramref name="directory"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CxLive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CxLive.sln not found above " + AppContext.BaseDirectory);
    }
}
