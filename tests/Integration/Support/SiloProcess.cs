using System.Collections.Concurrent;
using System.Diagnostics;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// A real CxLive process (<c>dotnet CxLive.Silo.dll</c>, or a web front <c>CxLive.Dashboard.dll</c>,
/// the builds next to the tests) in Redis mode, as an operator runs it: its own HTTP, silo and
/// gateway ports, settings from environment variables. <see cref="Kill"/> is <c>kill -9</c>: no
/// shutdown code runs; <see cref="StopAsync"/> is the SIGTERM a service manager sends.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _allLines = new();
    private readonly ConcurrentDictionary<TaskCompletionSource, string> _awaited = new();

    public const string Silo = "CxLive.Silo.dll";
    public const string Front = "CxLive.Dashboard.dll";

    private SiloProcess(IReadOnlyDictionary<string, string> settings, string program = Silo, string? workingDirectory = null)
    {
        Settings = settings;
        BaseAddress = new Uri(settings["ASPNETCORE_URLS"] + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        // Workstation GC: the run is bound by its two cores, and a silo's start took 4.6 s of CPU with
        // the server GC it ships with, 4.0 s without (five starts each). Production keeps server GC.
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyDictionary<string, string> Settings { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>The process's last lines of output, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Settings for one silo of cluster <paramref name="serviceId"/> on <paramref name="redis"/>, with
    /// fresh ports. Failure detection and stream reclaim are quicker than the defaults so a test
    /// that kills a silo waits seconds, not minutes.
    /// </summary>
    public static Dictionary<string, string> SettingsFor(RedisServer redis, string serviceId, string stream) => new()
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        ["Security:Open"] = "true", // the process runs as Production, which refuses to start unprotected
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
        ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(),
        ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(),
        ["Orleans:ServiceId"] = serviceId,
        ["Orleans:ClusterId"] = serviceId,
        ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Orleans:Membership:TableRefreshTimeout"] = "00:00:02",
        ["Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
        ["RedisStreams:Stream"] = stream,
        ["RedisStreams:ReclaimAfter"] = "00:00:03",
        ["RedisStreams:ReclaimEvery"] = "00:00:01",
        ["RedisStreams:TrimEvery"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:CxLive"] = "Information",
    };

    /// <summary>Starts the process and returns at once, for a test that times its start itself.</summary>
    public static SiloProcess Launch(IReadOnlyDictionary<string, string> settings, string? workingDirectory = null) => new(settings, Silo, workingDirectory);

    /// <summary><see cref="SettingsFor"/> without the quicker membership settings: CxLive's own defaults.</summary>
    public static Dictionary<string, string> WithDefaultMembership(Dictionary<string, string> settings)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Orleans:Membership:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        return settings;
    }

    /// <summary>Settings for a web front of the same cluster as <paramref name="silo"/>'s settings: the same Redis and ids, its own HTTP port.</summary>
    public static Dictionary<string, string> FrontSettingsFor(IReadOnlyDictionary<string, string> silo)
    {
        var front = new Dictionary<string, string>(silo) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}" };
        front.Remove("Orleans:Endpoints:SiloPort");
        front.Remove("Orleans:Endpoints:GatewayPort");
        return front;
    }

    /// <summary>
    /// Starts the process and waits until it answers an API call that goes through a grain (a silo
    /// without its web tier, <c>Web:Enabled=false</c>, until it is ready).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string program = Silo)
    {
        var silo = new SiloProcess(settings, program);
        var web = !settings.TryGetValue("Web:Enabled", out var enabled) || enabled != "false";
        try
        {
            await Eventually.TrueAsync(
                // 401: an install with sign-in configured answers, but not anonymously; that comes
                // before any grain, so readiness says whether it reaches the cluster (a web front
                // taken as started by its 401 answered a signed-in read 503 under load).
                async () => !silo._process.HasExited && (web
                    ? (await silo.Http.GetAsync("api/alerts?limit=1")).StatusCode switch
                    {
                        System.Net.HttpStatusCode.OK => true,
                        System.Net.HttpStatusCode.Unauthorized => (await silo.Http.GetAsync("health/ready")).IsSuccessStatusCode,
                        _ => false,
                    }
                    : (await silo.Http.GetAsync("health/ready")).IsSuccessStatusCode),
                TimeSpan.FromSeconds(60),
                $"{program} to answer");
        }
        catch (TimeoutException e)
        {
            await silo.DisposeAsync();
            throw new TimeoutException(e.Message + "\nsilo output:\n" + silo.Output, e);
        }

        return silo;
    }

    /// <summary>
    /// Starts the processes side by side and waits until each answers, as <see cref="StartAsync"/>
    /// does: their starts (mostly the runtime compiling) overlap rather than add up. If one does not
    /// come up, those that did are killed and the failure is thrown.
    /// </summary>
    public static async Task<SiloProcess[]> StartAllAsync(string program, params IReadOnlyDictionary<string, string>[] settings)
    {
        var starting = settings.Select(one => StartAsync(one, program)).ToArray();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Starts the process and waits only until it listens (<c>/health/live</c>): a front with no silo to reach yet.</summary>
    public static async Task<SiloProcess> StartListeningAsync(IReadOnlyDictionary<string, string> settings, string program = Silo)
    {
        var process = new SiloProcess(settings, program);
        try
        {
            await Eventually.TrueAsync(async () => !process._process.HasExited && (await process.Http.GetAsync("health/live")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{program} to listen");
        }
        catch (TimeoutException e)
        {
            await process.DisposeAsync();
            throw new TimeoutException(e.Message + "\noutput:\n" + process.Output, e);
        }

        return process;
    }

    /// <summary>How many lines the process has printed so far.</summary>
    public int LineCount => _allLines.Count;

    /// <summary>The lines the process printed, from line <paramref name="from"/> on, that start with <paramref name="prefix"/> (e.g. <c>fail:</c>).</summary>
    public IReadOnlyList<string> LinesStartingWith(string prefix, int from = 0) => [.. _allLines.Skip(from).Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Every line the process printed, from line <paramref name="from"/> on.</summary>
    public string AllOutput(int from = 0) => string.Join('\n', _allLines.Skip(from));

    /// <summary>
    /// Completes once the process has written a line containing <paramref name="text"/> (at once if it
    /// already has): told by the line as it arrives, not found by polling the output.
    /// </summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaited[seen] = text; // registered before the look back: a line arriving in between is not missed
        if (_allLines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            seen.TrySetResult();
        }

        try
        {
            await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout} for {what}; last output:\n{Output}");
        }
        finally
        {
            _awaited.TryRemove(seen, out _);
        }
    }

    /// <summary><c>SIGTERM</c>, as systemd, compose and Kubernetes stop a service; waits for the exit and says how long it took.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(patience.Token);
        return Stopwatch.GetElapsedTime(started);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit status once it ended: 0 for a clean stop, 137 when it was killed (or killed itself).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary><c>kill -9</c>: the process ends on the spot, with whatever it held only in memory.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Http.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        _allLines.Enqueue(line);
        foreach (var (waiter, text) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                waiter.TrySetResult();
            }
        }

        while (_output.Count > 300)
        {
            _output.TryDequeue(out _);
        }
    }
}
