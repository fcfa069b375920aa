using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// A real nginx (Debian's <c>nginx-light</c>, which <c>./test.sh</c> installs) on a free loopback port,
/// running <c>deploy/nginx.conf</c> and one of its upstream files as shipped. Only two things are
/// changed, as compose's names and ports are not ours: the address it listens on, and the upstream
/// servers (<c>front-1:8080</c>, <c>front-2:8080</c>), given in their order of first appearance.
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    public const string Program = "/usr/sbin/nginx";

    private readonly string _directory;
    private readonly Process _process;

    private NginxServer(string directory, Process process, int port)
    {
        _directory = directory;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>What nginx wrote to its error log (upstreams it gave up on, its warnings), for a failing test's message.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_directory, "error.log")) ? File.ReadAllText(Path.Combine(_directory, "error.log")) : "";

    /// <summary>Starts nginx with <c>deploy/<paramref name="upstreams"/></c> pointed at <paramref name="servers"/>, and waits until it passes a request through.</summary>
    public static async Task<NginxServer> StartAsync(string upstreams, params Uri[] servers)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: run ./test.sh, which installs the Debian package nginx-light");
        }

        var directory = Directory.CreateTempSubdirectory("cxlive-nginx-").FullName;
        // nginx's workers run as nobody when it is started by root: they must reach their temp folders here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var port = FreePorts.Next();

        var site = await File.ReadAllTextAsync(Repository.PathOf("deploy/nginx.conf"));
        const string Listen = "listen 80;";
        if (!site.Contains(Listen, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"deploy/nginx.conf no longer says '{Listen}': change {nameof(NginxServer)} with it");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "site.conf"), site.Replace(Listen, $"listen 127.0.0.1:{port};", StringComparison.Ordinal));

        var upstream = await File.ReadAllTextAsync(Repository.PathOf("deploy/" + upstreams));
        var names = UpstreamServer().Matches(upstream).Select(m => m.Groups["address"].Value).Distinct().ToArray();
        if (names.Length != servers.Length)
        {
            throw new InvalidOperationException($"deploy/{upstreams} names {names.Length} servers ({string.Join(", ", names)}); {servers.Length} given");
        }

        upstream = UpstreamServer().Replace(upstream, m => "server " + servers[Array.IndexOf(names, m.Groups["address"].Value)].Authority);
        await File.WriteAllTextAsync(Path.Combine(directory, "upstreams.conf"), upstream);

        var main = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(main, $$"""
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client-body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/upstreams.conf;
                include {{directory}}/site.conf;
            }
            """);

        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", directory, "-e", Path.Combine(directory, "error.log"), "-c", main })
        {
            start.ArgumentList.Add(arg);
        }

        var nginx = new NginxServer(directory, Process.Start(start)!, port);
        nginx._process.BeginOutputReadLine();
        nginx._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.TrueAsync(
                async () => !nginx._process.HasExited && (await http.GetAsync("health/live")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(20),
                "nginx to pass a request through");
        }
        catch (TimeoutException e)
        {
            var log = nginx.ErrorLog;
            await nginx.DisposeAsync();
            throw new TimeoutException(e.Message + "\nnginx error log:\n" + log, e);
        }

        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a worker still closing a temp file: the folder is in /tmp
        }
    }

    [GeneratedRegex(@"server (?<address>[\w.-]+:\d+)")]
    private static partial Regex UpstreamServer();
}
