using System.Diagnostics;
using System.Text;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// <c>dotnet CxLive.Silo.dll ...</c> as an operator types it (the build next to the tests), with
/// what it printed and its exit code. <see cref="AtTerminalAsync"/> runs it under <c>script</c>,
/// which gives it a pseudo-terminal, to see exactly what a person at a terminal would see.
/// </summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public string All => Out + Err;
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? input = null, string program = SiloProcess.Silo)
    {
        var start = Start("dotnet", [Path.Combine(AppContext.BaseDirectory, program), .. args], environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await WaitAsync(process);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Runs the command in a pseudo-terminal; each time the terminal shows a prompt from
    /// <paramref name="dialogue"/> the answer is typed (with Enter). Returns the exit code and the
    /// terminal's transcript: everything shown on the screen, typed echo included.
    /// </summary>
    public static async Task<(int ExitCode, string Screen)> AtTerminalAsync(string command, params (string Prompt, string Answer)[] dialogue)
    {
        var start = Start("script", ["--quiet", "--flush", "--return", "--command", $"dotnet {Silo} {command}", "/dev/null"], null);
        using var process = Process.Start(start)!;
        var screen = new StringBuilder();
        var reader = Task.Run(async () =>
        {
            var buffer = new char[256];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (screen)
                {
                    screen.Append(buffer, 0, read);
                }
            }
        });
        var shown = 0;
        foreach (var (prompt, answer) in dialogue)
        {
            shown = await Eventually.ResultAsync(
                () => Task.FromResult(Screen(screen).IndexOf(prompt, shown, StringComparison.Ordinal)),
                at => at >= 0,
                TimeSpan.FromSeconds(30),
                $"the prompt '{prompt}'") + prompt.Length;
            await process.StandardInput.WriteAsync(answer + "\r");
            await process.StandardInput.FlushAsync();
        }

        await WaitAsync(process);
        await reader;
        process.StandardInput.Close();
        return (process.ExitCode, Screen(screen));
    }

    private static string Silo => Path.Combine(AppContext.BaseDirectory, "CxLive.Silo.dll");

    private static string Screen(StringBuilder screen)
    {
        lock (screen)
        {
            return screen.ToString();
        }
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = Repository.StartInfo(file, AppContext.BaseDirectory, args);
        // As an operator's shell: no Development environment inherited from the test host.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task WaitAsync(Process process)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not exit within 60 s");
        }
    }
}
