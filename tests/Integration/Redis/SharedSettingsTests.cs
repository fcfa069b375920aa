using CxLive.Dashboard.Hosting;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// Settings a cluster must share: with another <c>Alerts:Partitions</c> a process would look for
/// alerts where they are not, and its wall would silently show a part of them; without the
/// pseudonym key a front would file customers under their real ids beside their pseudonyms.
/// </summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class SharedSettingsTests(RedisServer redis) : IClassFixture<RedisServer>
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

    [Fact]
    public async Task A_front_without_the_clusters_pseudonym_key_or_with_another_refuses_to_start_rather_than_store_real_ids()
    {
        // An operator's second front without the key took "alice" as she came, beside her pseudonym:
        // the silos read a front's stream entries as CxLive's own and did not pseudonymise them.
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings["Privacy:PseudonymKey"] = new string('k', 40);
        await using var first = await SiloProcess.StartAsync(settings); // the first silo records the key's fingerprint

        foreach (var (key, says) in new[]
        {
            ((string?)null, "Privacy:PseudonymKey is not set here, but service '" + service + "' files customers under pseudonyms"),
            (new string('x', 40), "Privacy:PseudonymKey here is not the key service '" + service + "' pseudonymises with"),
        })
        {
            var front = SiloProcess.FrontSettingsFor(settings).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
            front.Remove("Privacy__PseudonymKey");
            if (key is not null)
            {
                front["Privacy__PseudonymKey"] = key;
            }

            var refused = await Cli.RunAsync([], front, program: SiloProcess.Front);

            Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
            Assert.Contains(says, refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        }

        // A front with the same key joins, and files "alice" under her pseudonym like the silo does.
        var same = SiloProcess.FrontSettingsFor(settings);
        await using var joined = await SiloProcess.StartAsync(same, SiloProcess.Front);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await joined.Http.PostAsync("api/interactions", Wire.Body(Wire.Json(new[] { Interactions.FailedSearch("alice", at) })))).StatusCode);
        var pseudonym = new CxLive.Dashboard.Privacy.PrivacyRules(Microsoft.Extensions.Options.Options.Create(new CxLive.Dashboard.Privacy.PrivacyOptions { PseudonymKey = settings["Privacy:PseudonymKey"] })).CustomerId("alice");
        await Eventually.TrueAsync(async () => (await first.Http.GetAsync($"api/customers/{pseudonym}")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "her interaction under her pseudonym");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await first.Http.GetAsync("api/customers/alice")).StatusCode);
    }
}
