using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// A password given for a Redis that asks for none (no <c>requirepass</c>): the operator trial
/// started a silo with one and believed the customers' data protected, while Redis let anyone in.
/// </summary>
[Collection(WaitingProcessCollection.Name)]
public sealed class UnprotectedRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <param name="web">false: a compute-only silo, which said nothing (the integrator trial: only the web tier checked).</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_silo_given_a_password_redis_does_not_ask_for_says_so_in_its_log_without_the_password(bool web)
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings["ConnectionStrings:Redis"] = redis.ConnectionString + ",password=nobody-asks-for-it";
        settings["Web:Enabled"] = web ? "true" : "false";

        await using var silo = await SiloProcess.StartAsync(settings);

        await silo.WaitForOutputAsync("answers without a password", TimeSpan.FromSeconds(30), "the warning");
        await silo.StopAsync(TimeSpan.FromSeconds(90)); // all it will ever say
        Assert.Contains($"Redis at {redis.ConnectionString} answers without a password: the password in ConnectionStrings:Redis protects nothing. Set requirepass", silo.AllOutput());
        // Once, though a web silo's Redis side and its web tier both register the warning.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(silo.AllOutput(), "answers without a password"));
        Assert.DoesNotContain("nobody-asks-for-it", silo.AllOutput());
    }
}
