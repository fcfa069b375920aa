using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Operations;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using CxLive.Silo.Operations;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CxLive.Tests.Integration.Deploy;

/// <summary>
/// deploy/ as the tools that use it see it: the Kubernetes manifests against the Kubernetes schemas
/// (offline, npm's kubernetes-models), the compose file with Debian's docker-compose, and every
/// environment variable, port and path in them against what CxLive really reads, listens on and serves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class DeploymentFilesTests(AppFixture fixture)
{
    private const string SiloDeployment = "cxlive-silo";
    private const string FrontDeployment = "cxlive-front";
    private const string ComposeFronts = "compose.fronts.yaml";
    private static readonly string[] ProbePaths = [OperationsExtensions.StartupPath, OperationsExtensions.ReadyPath, OperationsExtensions.LivePath];

    [Fact]
    public async Task The_Kubernetes_manifests_are_valid_Kubernetes_objects_with_no_unknown_field()
    {
        var (exitCode, _, errors) = await DeployFiles.ReadAsync(kubernetes: true, DeployFiles.KubernetesFiles);

        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public async Task The_validator_refuses_a_wrong_type_and_a_misspelt_field()
    {
        var silo = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "kubernetes", "silo.yaml"));
        var misspelt = Path.GetTempFileName();
        var wrongType = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(misspelt, silo.Replace("livenessProbe:", "livenesProbe:"));
            await File.WriteAllTextAsync(wrongType, silo.Replace("terminationGracePeriodSeconds: 90", "terminationGracePeriodSeconds: ninety"));

            var unknown = await DeployFiles.ReadAsync(kubernetes: true, misspelt);
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("unknown field spec.template.spec.containers.0.livenesProbe", unknown.Err);

            var invalid = await DeployFiles.ReadAsync(kubernetes: true, wrongType);
            Assert.NotEqual(0, invalid.ExitCode);
            Assert.Contains("terminationGracePeriodSeconds must be integer", invalid.Err);
        }
        finally
        {
            File.Delete(misspelt);
            File.Delete(wrongType);
        }
    }

    [Fact]
    public async Task The_compose_file_validates_with_docker_compose_and_refuses_to_run_without_its_secrets()
    {
        var compose = Path.Combine(DeployFiles.Deploy, "compose.yaml");
        var empty = Path.GetTempFileName();
        try
        {
            var valid = await Repository.RunAsync("docker-compose", DeployFiles.Deploy, "-f", compose, "--env-file", Path.Combine(DeployFiles.Deploy, "compose.env.example"), "config", "--quiet");
            Assert.True(valid.ExitCode == 0, valid.Err);
            var withFronts = await Repository.RunAsync("docker-compose", DeployFiles.Deploy, "-f", compose, "-f", Path.Combine(DeployFiles.Deploy, ComposeFronts), "--env-file", Path.Combine(DeployFiles.Deploy, "compose.env.example"), "config", "--quiet");
            Assert.True(withFronts.ExitCode == 0, withFronts.Err);

            var missing = await Repository.RunAsync("docker-compose", DeployFiles.Deploy, "-f", compose, "--env-file", empty, "config", "--quiet");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("set REDIS_PASSWORD in deploy/.env", missing.Err);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Every_environment_variable_the_deployment_files_give_CxLive_is_one_of_its_settings()
    {
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var containers = kubernetes.Kind("Deployment").Where(d => d.Name() is SiloDeployment or FrontDeployment).Select(d => Assert.Single(d.Containers())).ToArray();
        Assert.Equal(2, containers.Length);
        var secretNames = containers.SelectMany(c => c.Get("envFrom").Items()).Select(e => e.Get("secretRef", "name")!.Value.GetString()).Distinct().ToArray();
        var secrets = kubernetes.Kind("Secret").Where(s => secretNames.Contains(s.Name())).ToArray();
        Assert.Equal(secretNames.Length, secrets.Length); // every Secret the silos and fronts read is in the files

        var named = new List<(string Where, string Name)>();
        named.AddRange(containers.SelectMany(c => c.Get("env").Items().Select(e => ($"{c.GetProperty("name").GetString()} env", e.GetProperty("name").GetString()!))));
        named.AddRange(secrets.SelectMany(s => s.Get("stringData").Entries().Select(p => ($"Secret {s.Name()}", p.Name))));
        var withFronts = await ComposeAsync(fronts: true);
        named.AddRange(withFronts.Silos.Concat(withFronts.Fronts).SelectMany(s => s.Value.Get("environment").Entries().Select(p => ($"compose {s.Key}", p.Name))));
        named.AddRange(new[] { "cxlive.env.example", "cxlive-front.env.example" }.SelectMany(f => DeployFiles.EnvFileLines(Path.Combine(DeployFiles.Deploy, f)).Select(l => (f, l.Name))));
        named.AddRange(ContainerfileEnv().Select(e => ("Containerfile", e.Name)));
        named.AddRange(HelpVariable().Matches(Commands.Help).Select(m => ("--help", m.Value)));

        Assert.True(named.Count > 30, $"only {named.Count} names found");
        var strangers = named.Where(n => !CxSettings.IsSetting(n.Name)).Select(n => $"{n.Where}: {n.Name}").ToArray();
        Assert.True(strangers.Length == 0, "not CxLive settings:\n" + string.Join("\n", strangers));
    }

    [Fact]
    public async Task Every_port_the_deployment_files_use_is_one_CxLive_listens_on()
    {
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var silo = Assert.Single(kubernetes.Kind("Deployment"), d => d.Name() == SiloDeployment);
        var container = Assert.Single(silo.Containers());
        var env = container.Get("env").Items().Where(e => e.TryGetProperty("value", out _)).ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        var http = DeployFiles.PortOf(env["ASPNETCORE_URLS"]);
        var listened = new Dictionary<string, int>
        {
            ["http"] = http,
            ["silo"] = int.Parse(env.GetValueOrDefault("Orleans__Endpoints__SiloPort", EndpointOptions.DEFAULT_SILO_PORT.ToString())),
            ["gateway"] = int.Parse(env.GetValueOrDefault("Orleans__Endpoints__GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT.ToString())),
        };
        var declared = container.Get("ports").Items().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("containerPort").GetInt32());
        Assert.Equal(listened.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal(http, PortNumber(container.Get(probe, "httpGet", "port")!.Value, declared));
        }

        var service = Assert.Single(kubernetes.Kind("Service"), s => s.Name() == "cxlive");
        Assert.All(service.Get("spec", "ports").Items(), p => Assert.Equal(http, PortNumber(p.GetProperty("targetPort"), declared)));
        Assert.Equal(http.ToString(), silo.Get("spec", "template", "metadata", "annotations", "prometheus.io/port")!.Value.GetString());

        // compose: each silo listens on its URL's port and Orleans' default ports; nginx and Prometheus reach them there.
        var (silos, _) = await ComposeAsync(fronts: false);
        var composeHttp = silos.Values.Select(s => DeployFiles.PortOf(s.Get("environment", "ASPNETCORE_URLS")!.Value.GetString()!)).Distinct().Single();
        int[] composePorts = [composeHttp, EndpointOptions.DEFAULT_SILO_PORT, EndpointOptions.DEFAULT_GATEWAY_PORT];
        Assert.All(silos.Values, s => Assert.Equal(composePorts.Order(), s.Get("expose").Items().Select(p => int.Parse(p.GetString()!)).Order()));
        var nginx = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "nginx-silos.conf"));
        var prometheus = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "prometheus", "prometheus.yml"));
        var targets = UpstreamServer().Matches(nginx).Concat(ScrapeTarget().Matches(prometheus.Split("kubernetes_sd_configs")[0])).ToArray();
        Assert.True(targets.Length >= 6, $"{targets.Length} silo addresses in nginx.conf and prometheus.yml");
        Assert.All(targets, t =>
        {
            Assert.Contains(t.Groups["host"].Value, silos.Keys);
            Assert.Equal(composeHttp, int.Parse(t.Groups["port"].Value));
        });

        // The image: what it listens on by default is what it exposes.
        var image = ContainerfileEnv().ToDictionary(e => e.Name, e => e.Value);
        var exposed = Regex.Match(await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "Containerfile")), @"^EXPOSE (.+)$", RegexOptions.Multiline).Groups[1].Value.Split(' ').Select(int.Parse);
        Assert.Equal([DeployFiles.PortOf(image["ASPNETCORE_URLS"]), EndpointOptions.DEFAULT_SILO_PORT, EndpointOptions.DEFAULT_GATEWAY_PORT], exposed);
        Assert.Equal(http, DeployFiles.PortOf(image["ASPNETCORE_URLS"]));
    }

    [Fact]
    public async Task Web_fronts_run_the_silos_image_as_a_front_on_the_port_they_declare_and_the_balancer_and_Prometheus_reach_them_there()
    {
        // Kubernetes: the silos' image, started as the front, declaring only its HTTP port, which its
        // probes, Service and scrape annotation use.
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var silo = Assert.Single(Assert.Single(kubernetes.Kind("Deployment"), d => d.Name() == SiloDeployment).Containers());
        var frontDeployment = Assert.Single(kubernetes.Kind("Deployment"), d => d.Name() == FrontDeployment);
        var front = Assert.Single(frontDeployment.Containers());
        Assert.Equal(silo.GetProperty("image").GetString(), front.GetProperty("image").GetString());
        Assert.Equal(["dotnet", SiloProcess.Front], front.Get("command").Items().Select(c => c.GetString()!));
        var env = front.Get("env").Items().Where(e => e.TryGetProperty("value", out _)).ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        var http = DeployFiles.PortOf(env["ASPNETCORE_URLS"]);
        var declared = front.Get("ports").Items().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("containerPort").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["http"] = http }, declared); // no silo or gateway port: a front hosts no grain
        var siloEnv = silo.Get("env").Items().Where(e => e.TryGetProperty("value", out _)).ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Equal(siloEnv["Orleans__ServiceId"], env["Orleans__ServiceId"]); // the silos' cluster, or no gateway is found
        Assert.Equal(siloEnv["Orleans__ClusterId"], env["Orleans__ClusterId"]);
        Assert.Equal(ProbePaths, new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Select(p => front.Get(p, "httpGet", "path")!.Value.GetString()!));
        Assert.All(new[] { "startupProbe", "readinessProbe", "livenessProbe" }, p => Assert.Equal(http, PortNumber(front.Get(p, "httpGet", "port")!.Value, declared)));
        var service = Assert.Single(kubernetes.Kind("Service"), s => s.Name() == FrontDeployment);
        Assert.Equal("front", service.Get("spec", "selector", "app.kubernetes.io/component")!.Value.GetString());
        Assert.All(service.Get("spec", "ports").Items(), p => Assert.Equal(http, PortNumber(p.GetProperty("targetPort"), declared)));
        Assert.Equal(http.ToString(), frontDeployment.Get("spec", "template", "metadata", "annotations", "prometheus.io/port")!.Value.GetString());
        Assert.Equal(OperationsExtensions.MetricsPath, frontDeployment.Get("spec", "template", "metadata", "annotations", "prometheus.io/path")!.Value.GetString());

        // compose: the fronts run the silos' image as the front on their URL's port only; the silos
        // stop serving the web; nginx and Prometheus reach the fronts there, and no silo through nginx.
        var (silos, fronts) = await ComposeAsync(fronts: true);
        Assert.Equal(2, fronts.Count);
        Assert.All(silos.Values, s => Assert.Equal("false", s.Get("environment", "Web__Enabled")!.Value.GetString()));
        Assert.All(fronts.Values, f =>
        {
            Assert.Equal(silos.Values.First().GetProperty("image").GetString(), f.GetProperty("image").GetString());
            var port = DeployFiles.PortOf(f.Get("environment", "ASPNETCORE_URLS")!.Value.GetString()!);
            Assert.Equal([port], f.Get("expose").Items().Select(p => int.Parse(p.GetString()!)));
            Assert.Null(f.Get("environment", "Web__Enabled")); // a front always serves; the setting is the silos'
        });
        var composeHttp = fronts.Values.Select(f => DeployFiles.PortOf(f.Get("environment", "ASPNETCORE_URLS")!.Value.GetString()!)).Distinct().Single();
        var nginx = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "nginx-fronts.conf"));
        var prometheus = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "prometheus", "fronts.yml"));
        var targets = UpstreamServer().Matches(nginx).Concat(ScrapeTarget().Matches(prometheus)).ToArray();
        Assert.Equal(2 * 2 + 2, targets.Length); // two upstreams and the scrape list, each naming both fronts
        Assert.All(targets, t =>
        {
            Assert.Contains(t.Groups["host"].Value, fronts.Keys);
            Assert.Equal(composeHttp, int.Parse(t.Groups["port"].Value));
        });

        // nginx mounts the fronts' upstreams where the silos' were, and Prometheus reads fronts.yml from
        // the folder its job discovers targets in.
        var lb = await ComposeServiceAsync("lb");
        var upstreams = Assert.Single(lb.Get("volumes").Items(), v => v.GetString()!.Contains("/conf.d/cxlive-upstreams.conf")).GetString()!;
        Assert.Contains("/nginx-fronts.conf:", upstreams);
        var scraping = Assert.Single((await ComposeServiceAsync("prometheus")).Get("volumes").Items(), v => v.GetString()!.Contains("/fronts.yml:")).GetString()!;
        var discovered = Regex.Match(await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "prometheus", "prometheus.yml")), @"- files: \[""(?<glob>[^""]+)""\]").Groups["glob"].Value;
        Assert.Equal(Path.GetDirectoryName(discovered), Path.GetDirectoryName(scraping.Split(':')[1]));
        // Without fronts an empty list stands there, so that the folder Prometheus watches exists.
        var alone = Assert.Single(await ComposeServicesAsync(fronts: false), s => s.Name == "prometheus").Value;
        Assert.Single(alone.Get("volumes").Items(), v => v.GetString()!.EndsWith("/no-fronts.yml:" + scraping.Split(':')[1] + ":ro", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_probe_and_scrape_path_is_an_endpoint_CxLive_serves()
    {
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var silo = Assert.Single(kubernetes.Kind("Deployment"), d => d.Name() == SiloDeployment);
        var container = Assert.Single(silo.Containers());
        var probes = new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Select(p => container.Get(p, "httpGet", "path")!.Value.GetString()!).ToArray();
        Assert.Equal(ProbePaths, probes);

        using var http = fixture.App.CreateHttpClient();
        foreach (var path in probes)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path.TrimStart('/'))).StatusCode);
        }

        var metricsPaths = new[]
        {
            silo.Get("spec", "template", "metadata", "annotations", "prometheus.io/path")!.Value.GetString()!,
            Regex.Match(await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "prometheus", "prometheus.yml")), @"metrics_path: (\S+)").Groups[1].Value,
        };
        Assert.All(metricsPaths, p => Assert.Equal(OperationsExtensions.MetricsPath, p));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(OperationsExtensions.MetricsPath.TrimStart('/'))).StatusCode);
    }

    [Fact]
    public async Task A_readiness_probe_waits_long_enough_to_hear_why_a_pod_is_not_ready()
    {
        // At Kubernetes' 1 s default, a slow Redis timed the probe out before the checks could say
        // "Redis is not reachable: ...": the pod went unready with "context deadline exceeded".
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var longest = new[] { RedisReachableCheck.LongestAnswer, ClusterReachableCheck.LongestAnswer, SharedSettingsCheck.LongestAnswer }.Max();
        foreach (var workload in kubernetes.Kind("Deployment").Where(d => d.Name() is SiloDeployment or FrontDeployment))
        {
            var timeout = Assert.Single(workload.Containers()).Get("readinessProbe", "timeoutSeconds")?.GetInt32() ?? 1;
            Assert.True(TimeSpan.FromSeconds(timeout) > longest, $"{workload.Name()}: readiness probe timeout {timeout} s, checks answer within {longest.TotalSeconds} s");
        }
    }

    [Fact]
    public async Task Silos_get_time_to_stop_cleanly_and_a_rollout_never_takes_one_away_first()
    {
        var kubernetes = await DeployFiles.DocumentsAsync(true, DeployFiles.KubernetesFiles);
        var silo = Assert.Single(kubernetes.Kind("Deployment"), d => d.Name() == SiloDeployment);
        var shutdown = fixture.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout;

        // Silos and fronts alike: time to stop, rollouts that add before they take away, one down at a time.
        foreach (var workload in kubernetes.Kind("Deployment").Where(d => d.Name() is SiloDeployment or FrontDeployment))
        {
            Assert.True(workload.Get("spec", "template", "spec", "terminationGracePeriodSeconds")!.Value.GetInt32() > shutdown.TotalSeconds, workload.Name());
            Assert.Equal(0, workload.Get("spec", "strategy", "rollingUpdate", "maxUnavailable")!.Value.GetInt32());
            var labels = workload.Get("spec", "selector", "matchLabels")!.Value.GetRawText();
            Assert.Single(kubernetes.Kind("PodDisruptionBudget"), b => b.Get("spec", "selector", "matchLabels")!.Value.GetRawText() == labels);
        }

        Assert.Equal("status.podIP", Assert.Single(Assert.Single(silo.Containers()).Get("env").Items(), e => e.GetProperty("name").GetString() == "Orleans__Endpoints__AdvertisedIPAddress").Get("valueFrom", "fieldRef", "fieldPath")!.Value.GetString());

        var (silos, fronts) = await ComposeAsync(fronts: true);
        Assert.All(silos.Values.Concat(fronts.Values), s => Assert.True(TimeSpan.FromSeconds(int.Parse(s.GetProperty("stop_grace_period").GetString()!.TrimEnd('s'))) > shutdown));
        foreach (var name in new[] { "cxlive.service", "cxlive-front.service" })
        {
            var unit = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, name));
            Assert.True(TimeSpan.FromSeconds(int.Parse(Regex.Match(unit, @"TimeoutStopSec=(\d+)").Groups[1].Value)) > shutdown, name);
            Assert.Contains($"RestartPreventExitStatus={ConfigurationError.ExitCode}", unit);
        }
    }

    /// <summary>
    /// The compose services that run CxLive's image, as <c>docker-compose config</c> merges
    /// compose.yaml (and, with <paramref name="fronts"/>, compose.fronts.yaml over it): the silos, and
    /// the fronts (the image started as <c>CxLive.Dashboard.dll</c>).
    /// </summary>
    private static async Task<(Dictionary<string, JsonElement> Silos, Dictionary<string, JsonElement> Fronts)> ComposeAsync(bool fronts)
    {
        var services = (await ComposeServicesAsync(fronts))
            .Where(s => s.Value.Get("image")?.GetString()?.StartsWith("cxlive-silo:", StringComparison.Ordinal) == true)
            .ToArray();
        bool IsFront(JsonElement service) => service.Get("entrypoint").Items().Any(a => a.GetString() == SiloProcess.Front);
        return (services.Where(s => !IsFront(s.Value)).ToDictionary(s => s.Name, s => s.Value),
                services.Where(s => IsFront(s.Value)).ToDictionary(s => s.Name, s => s.Value));
    }

    private static async Task<JsonElement> ComposeServiceAsync(string name) =>
        Assert.Single(await ComposeServicesAsync(fronts: true), s => s.Name == name).Value;

    /// <summary>The merged services, read once per shape (with or without fronts) for every test that asks: the files do not change during a run.</summary>
    private static Task<JsonProperty[]> ComposeServicesAsync(bool fronts) => Merged.GetOrAdd(fronts, ReadMergedAsync);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<bool, Task<JsonProperty[]>> Merged = new();

    private static async Task<JsonProperty[]> ReadMergedAsync(bool fronts)
    {
        string[] files = ["-f", Path.Combine(DeployFiles.Deploy, "compose.yaml"), .. fronts ? ["-f", Path.Combine(DeployFiles.Deploy, ComposeFronts)] : Array.Empty<string>()];
        var (exitCode, merged, errors) = await Repository.RunAsync("docker-compose", DeployFiles.Deploy, [.. files, "--env-file", Path.Combine(DeployFiles.Deploy, "compose.env.example"), "config"]);
        Assert.True(exitCode == 0, errors);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, merged);
            return [.. Assert.Single(await DeployFiles.DocumentsAsync(false, file)).GetProperty("services").EnumerateObject()];
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<(string Name, string Value)> ContainerfileEnv() =>
        ContainerfileVariable().Matches(File.ReadAllText(Path.Combine(DeployFiles.Deploy, "Containerfile")))
            .Select(m => (m.Groups["name"].Value, m.Groups["value"].Value));

    private static int PortNumber(JsonElement port, IReadOnlyDictionary<string, int> named) =>
        port.ValueKind == JsonValueKind.Number ? port.GetInt32() : named[port.GetString()!];

    /// <summary>
    /// nginx inherits proxy_set_header into a location only when the location sets none: a review
    /// found both locations setting their own, so CxLive heard Host "cxlive" (every page's hub and
    /// sign-in refused as another origin) and nginx's own address for every client.
    /// </summary>
    [Fact]
    public async Task Nginx_passes_the_browsers_host_and_the_clients_address_on_every_location()
    {
        var nginx = await File.ReadAllTextAsync(Path.Combine(DeployFiles.Deploy, "nginx.conf"));
        var locations = NginxLocation().Matches(nginx);

        Assert.Equal(["/hubs/", "/"], locations.Select(l => l.Groups["path"].Value));
        Assert.All(locations, location =>
        {
            foreach (var header in new[] { "Host $http_host;", "X-Forwarded-For $proxy_add_x_forwarded_for;", "X-Forwarded-Proto $scheme;", "X-Correlation-Id $http_x_correlation_id;" })
            {
                Assert.Contains("proxy_set_header " + header, location.Groups["body"].Value, StringComparison.Ordinal);
            }
        });
    }

    [GeneratedRegex(@"location (?<path>\S+) \{(?<body>[^}]*)\}")]
    private static partial Regex NginxLocation();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:__[A-Za-z0-9]+)+\b|\bASPNETCORE_[A-Z_]+\b")]
    private static partial Regex HelpVariable();

    [GeneratedRegex(@"^\s*server (?<host>[a-z0-9-]+):(?<port>\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"""(?<host>[a-z0-9-]+):(?<port>\d+)""")]
    private static partial Regex ScrapeTarget();

    [GeneratedRegex(@"(?:ENV |^\s+)(?<name>[A-Z][A-Za-z0-9_]+)=(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex ContainerfileVariable();
}
