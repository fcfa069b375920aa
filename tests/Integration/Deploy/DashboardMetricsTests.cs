using System.Net;
using System.Text.RegularExpressions;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Deploy;

/// <summary>
/// Every cxlive_* series the Prometheus rules and the Grafana dashboard use is one a Redis-mode silo
/// process really exports, once it has seen traffic (a counter appears at its first count).
/// </summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed partial class DashboardMetricsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Every_metric_the_alert_rules_and_the_dashboard_use_is_one_a_silo_exports()
    {
        var used = new[] { "prometheus/cxlive.rules.yml", "grafana/cxlive-dashboard.json" }
            .SelectMany(f => MetricName().Matches(File.ReadAllText(Path.Combine(DeployFiles.Deploy, f))).Select(m => m.Value))
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "cxlive_stream_lag", "cxlive_ready", "cxlive_alerts_total", "cxlive_ingest_rejected_total" }, used);

        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings["Webhooks:Targets:0:Name"] = "nobody"; // a receiver that refuses connections: the webhook metrics have something to say
        settings["Webhooks:Targets:0:Url"] = "http://127.0.0.1:9/";
        settings["Webhooks:Targets:0:Secret"] = "a-secret-of-16-chars";
        await using var silo = await SiloProcess.StartAsync(settings);
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n))).ToArray();
        var bad = $"{{ \"id\": \"bad-{Guid.NewGuid():N}\", \"customerId\": \"x\", \"timestamp\": \"{now:O}\", \"channel\": \"fax\", \"touchpoint\": \"fax/1\", \"type\": \"search\" }}";
        Assert.Equal(HttpStatusCode.Accepted, (await silo.Http.PostAsync("api/interactions", Body($"[{string.Join(",", searches.Select(s => Json(s)))}, {bad}]"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await silo.Http.PostAsync("api/interactions", Body(searches))).StatusCode); // re-sent: duplicates
        await redis.Db.StreamAddAsync(service + ":interactions", "data", "not json"); // a dead letter

        var exported = await Eventually.ResultAsync(
            async () => Exported(await silo.Http.GetStringAsync("metrics")),
            names => used.IsSubsetOf(names),
            TimeSpan.FromSeconds(60),
            "every metric the rules and the dashboard use");
        Assert.Subset(exported, used);
    }

    private static HashSet<string> Exported(string exposition) =>
        [.. Sample().Matches(exposition).Select(m => m.Groups["name"].Value)];

    [GeneratedRegex(@"\bcxlive_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^(?<name>cxlive_[a-z_]+)[{ ]", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
