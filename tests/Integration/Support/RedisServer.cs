using System.Diagnostics;
using StackExchange.Redis;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// A real <c>redis-server</c> (the Debian package <c>./test.sh</c> installs) on a free loopback port
/// with its own data directory, started for a test class and stopped after it.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxlive-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePorts.Next();
    public string ConnectionString => $"127.0.0.1:{Port}";
    public IConnectionMultiplexer Connection { get; private set; } = null!;
    public IDatabase Db => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        Start();
        Connection = await Eventually.ResultAsync(
            () => ConnectionMultiplexer.ConnectAsync($"{ConnectionString},abortConnect=false,connectTimeout=500,allowAdmin=true"),
            c => c.IsConnected,
            TimeSpan.FromSeconds(10),
            "redis-server to accept connections");
    }

    private void Start()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; run ./test.sh, which installs it");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary><c>kill -STOP</c>: the server keeps its connections open and answers nothing, as a stalled or swapping Redis does.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary><c>kill -CONT</c> after <see cref="PauseAsync"/>: it answers what it was sent meanwhile.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Saves to disk, stops, and starts again on the same port and data, as a Redis restart or failover does.</summary>
    public async Task RestartAsync()
    {
        await ShutDownAsync();
        await StartAgainAsync();
    }

    /// <summary>Saves to disk and stops, as an operator's restart of a persistent Redis does; <see cref="StartAgainAsync"/> brings it back with its data.</summary>
    public async Task ShutDownAsync()
    {
        try
        {
            await Db.ExecuteAsync("SHUTDOWN", "SAVE");
        }
        catch (RedisConnectionException)
        {
            // the server closes the connection as it exits
        }

        await _process!.WaitForExitAsync();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process!.Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    /// <summary>How many times the server has run <paramref name="command"/> (INFO commandstats).</summary>
    public async Task<long> CommandCallsAsync(string command)
    {
        var stats = await Connection.GetServer(Connection.GetEndPoints()[0]).InfoAsync("commandstats");
        var line = stats.SelectMany(g => g).FirstOrDefault(p => p.Key == "cmdstat_" + command).Value;
        return line is null ? 0 : long.Parse(line.Split(',')[0]["calls=".Length..]);
    }

    /// <summary>Starts the server again on the same port: after <see cref="StopAsync"/> its data is gone (it was never saved), after <see cref="ShutDownAsync"/> it is back.</summary>
    public async Task StartAgainAsync()
    {
        _process?.Dispose();
        Start();
        await Eventually.TrueAsync(async () => Connection.IsConnected && await Db.PingAsync() > TimeSpan.Zero, TimeSpan.FromSeconds(30), "redis-server to answer after it was started again");
    }

    /// <summary>Stops the server as an outage would (kill -9), for tests of what CxLive does without Redis.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>
/// The tests of clusters of real silo processes (two or three silos, a kill, a rolling restart,
/// recovery), one after another. Their silos probe each other every second and declare a silo
/// dead after two missed probes, so on a starved 2-core machine a live one could be voted out; and
/// they time what they see closely. So they are ordered after the browser tests, the other silo
/// processes and the longest in-process classes (<see cref="LongestFirstCollectionOrderer"/>): with
/// today's durations they start once the browser and silo-process collections are done (25–40 s to
/// spare in the runs measured), beside the in-process tests, which leave the cores half idle. The
/// order is not a guarantee: if the browser tests grow much shorter, they may start beside the last
/// single-silo tests; give this back <c>DisableParallelization = true</c> if silos are then voted out.
/// Run alone after everything, as they were, their 2 min 40 s came after the in-process tests' 1 min
/// 40 s rather than beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "silo processes";
}

/// <summary>
/// Tests of real silo processes that mostly wait (on a stop, a probe, a restart) and time nothing
/// tightly: they run beside the in-process tests, on the thread left idle while the browser
/// collection, the longest, finishes, rather than after everything with the others.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WaitingProcessCollection
{
    public const string Name = "silo processes that wait";
}

/// <summary>
/// Tests of one real silo process at a time (with a web front at most, which is a client and takes
/// no part in membership): stops, starts, Redis trouble, stream ingestion, a kill and a restart.
/// No live silo can be voted dead by another, and their time limits leave room for a loaded
/// machine, so they run beside the browser and in-process tests, one after another, instead of
/// adding their four minutes to the run after everything else (a clean CI run took 15 min 21 s).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SingleSiloProcessCollection
{
    public const string Name = "one silo process at a time";
}
