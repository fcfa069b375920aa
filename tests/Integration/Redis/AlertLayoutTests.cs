using CxLive.Dashboard.Hosting;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// <c>Alerts:Partitions</c> must agree across a cluster: a process with another count would look for
/// alerts where they are not, and its wall would silently show a part of them.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AlertLayoutTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_silo_or_front_with_another_partition_count_than_its_cluster_recorded_refuses_to_start_naming_the_count()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        await using var first = await SiloProcess.StartAsync(settings); // the first silo records 8, the default

        foreach (var program in new[] { SiloProcess.Silo, SiloProcess.Front })
        {
            // The cluster's own settings, as environment variables, but for the count (and its own ports).
            var other = SiloProcess.SettingsFor(redis, service, service + ":interactions").ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
            other["Alerts__Partitions"] = "4";

            var refused = await Cli.RunAsync([], other, program: program);

            Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
            var line = refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            Assert.Contains($"Alerts:Partitions is 4 here, but service '{service}' keeps its alerts in 8 partitions", line);
            Assert.Contains("set Alerts:Partitions=8 on every silo and web front", line);
        }

        // The cluster it refused to join is untouched: its silo still serves.
        Assert.True((await first.Http.GetAsync("api/alerts?limit=1")).IsSuccessStatusCode);
    }
}
