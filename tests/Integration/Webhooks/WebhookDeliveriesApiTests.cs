using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary><c>GET /api/webhooks/deliveries</c> on the whole app: a receiver that keeps failing is shown with its attempts and marked failing.</summary>
public sealed class WebhookDeliveriesApiTests
{
    [Fact]
    public async Task A_failing_receiver_is_marked_failing_with_its_attempts_and_its_delivery_still_pending()
    {
        await using var receiver = new WebhookReceiver();
        var customer = NewCustomer();
        receiver.Answer("ops", customer, [.. Enumerable.Repeat(500, 100)]);
        using var app = new CxLiveApp(new Dictionary<string, string?>
        {
            ["Webhooks:Targets:0:Name"] = "ops",
            ["Webhooks:Targets:0:Url"] = receiver.Url("ops").ToString(),
            ["Webhooks:Targets:0:Secret"] = WebhookClusterFixture.Secret,
            ["Webhooks:FailingAfter"] = "00:00:00.001",
            ["Webhooks:FirstRetryAfter"] = "00:10:00", // no retry within the test: one attempt to look at
        }, keepLogs: true);
        using var http = app.CreateHttpClient();
        var now = DateTimeOffset.UtcNow;
        var ingest = await http.PostAsync("api/interactions", Body([.. Enumerable.Range(1, 3).Select(n => FailedSearch(customer, now.AddMinutes(n - 4)))]));
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        await receiver.WaitForAsync(all => all.Any(r => r.Text.Contains(customer)), "the first try");

        var target = await Eventually.ResultAsync(
            async () => (JsonObject)(await ReadObject(await http.GetAsync("api/webhooks/deliveries")))["targets"]![0]!,
            t => (long)t["failed"]! >= 1,
            TimeSpan.FromSeconds(10),
            "the failed attempt to be counted");

        // Its URL with the last segment masked, as a Slack webhook's token would be.
        Assert.Equal(("ops", receiver.Url("ops").GetLeftPart(UriPartial.Authority) + "/…", "json", 0L, true), ((string)target["name"]!, (string)target["url"]!, (string)target["format"]!, (long)target["delivered"]!, (bool)target["failing"]!));
        Assert.InRange((int)target["pending"]!, 1, 2); // the raise, and the update its assignment to an agent made, waiting behind it
        Assert.NotNull(target["failingSince"]);
        Assert.Equal("HTTP 500", (string)target["lastError"]!);
        var attempt = target["recent"]![0]!;
        Assert.Equal(("alert.raised", "failed", 500, 1), ((string)attempt["event"]!, (string)attempt["outcome"]!, (int)attempt["status"]!, (int)attempt["attempt"]!));
        Assert.True((DateTimeOffset)attempt["nextAttemptAt"]! > now.AddMinutes(9));
        Assert.DoesNotContain("secret", target.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        // Nor in the log: HttpClient's own lines named each delivery's URL path, where a Slack token lies.
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Message.Contains(receiver.Url("ops").AbsolutePath, StringComparison.Ordinal));

        var metrics = await http.GetStringAsync("metrics");
        Assert.Matches(new Regex("""^cxlive_webhook_failing\{[^}]*target="ops"[^}]*\} 1( |$)""", RegexOptions.Multiline), metrics);
        Assert.Matches(new Regex("""^cxlive_webhook_pending\{[^}]*target="ops"[^}]*\} [12]( |$)""", RegexOptions.Multiline), metrics);
        Assert.Matches(new Regex("""^cxlive_webhook_attempts_total\{(?=[^}]*outcome="failed")(?=[^}]*target="ops")[^}]*\} 1( |$)""", RegexOptions.Multiline), metrics);
    }
}
