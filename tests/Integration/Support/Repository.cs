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
        using var process = Process.Start(StartInfo(file, directory, args)) ?? throw new InvalidOperationException($"{file} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A process with its standard input, output and error redirected to the test.</summary>
    public static ProcessStartInfo StartInfo(string file, string directory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
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
