using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Webhooks;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary>Alert and incident changes POSTed to a real local receiver: signed, filtered, retried, in order per alert.</summary>
[Collection(WebhookClusterCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookClusterFixture fixture)
{
    private readonly WebhookReceiver _receiver = fixture.Receiver;

    private static string NewCustomer() => "wh-" + Guid.NewGuid().ToString("N")[..10];

    private AlertSignal Raise(string customer, string rule = "long-wait", Severity severity = Severity.Warning) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = customer,
        Touchpoint = "call-center/billing",
        Severity = severity,
        Title = $"{customer} waited 9 min",
        Detail = "queue-wait of 540 s",
        Evidence = ["e-" + customer],
        At = fixture.Clock.GetUtcNow(),
        Translations = AlertLanguages.InChinese(new AlertText($"{customer} 等待了 9 分钟", "排队 540 秒")),
    };

    private async Task<Alert> RaiseAsync(AlertSignal signal) =>
        Assert.Single(await fixture.Alerts.BookOfCustomer(signal.CustomerId!).ApplyAsync([signal]));

    private static Func<IReadOnlyList<WebhookReceiver.Received>, bool> Got(string path, string marker, string @event, int status = 200) =>
        all => all.Any(r => r.Path == path && r.Text.Contains(marker) && r.Event == @event && r.AnsweredWith == status);

    private static List<WebhookReceiver.Received> Of(IEnumerable<WebhookReceiver.Received> all, string path, string marker) =>
        [.. all.Where(r => r.Path == path && r.Text.Contains(marker))];

    /// <summary>Waits until the outboxes hold nothing: every delivery made so far has been answered and counted.</summary>
    private Task SettledAsync(string target) =>
        Eventually.TrueAsync(async () => (await fixture.StatusAsync())[target].Pending == 0, TimeSpan.FromSeconds(20), $"target {target} to have nothing pending");

    /// <summary>Waits until the outboxes have taken the receiver's failures (their retries are then scheduled on the fake clock).</summary>
    private Task FailuresCountedAsync(string target, long failed) =>
        Eventually.TrueAsync(async () => (await fixture.StatusAsync())[target].Failed >= failed, TimeSpan.FromSeconds(20), $"{failed} failed attempts counted for {target}");

    [Fact]
    public async Task A_raised_alert_is_posted_with_a_signature_that_verifies_its_delivery_id_and_its_event()
    {
        var customer = NewCustomer();
        var alert = await RaiseAsync(Raise(customer));

        var request = Of(await _receiver.WaitForAsync(Got("all", customer, "alert.raised"), "the raise"), "all", customer).Single();

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookClusterFixture.Secret), request.Body));
        Assert.Equal(expected, request.Headers["X-CxLive-Signature"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = request.Json;
        Assert.Equal(request.DeliveryId, body.GetProperty("id").GetString());
        Assert.True(Guid.TryParse(request.DeliveryId, out _));
        Assert.Equal("alert.raised", body.GetProperty("event").GetString());
        Assert.Equal((alert.Id, customer, "open", alert.Sequence, alert.Partition),
            (body.GetProperty("alert").GetProperty("id").GetString(), body.GetProperty("alert").GetProperty("customerId").GetString(),
             body.GetProperty("alert").GetProperty("state").GetString(), body.GetProperty("sequence").GetInt64(), body.GetProperty("partition").GetInt32()));
    }

    [Fact]
    public async Task A_receiver_that_fails_first_gets_the_same_delivery_on_a_retry_within_30_seconds()
    {
        var customer = NewCustomer();
        _receiver.Answer("all", customer, 503);
        var failed = (await fixture.StatusAsync())["all"].Failed;
        await RaiseAsync(Raise(customer));
        await _receiver.WaitForAsync(Got("all", customer, "alert.raised", status: 503), "the first try");
        await FailuresCountedAsync("all", failed + 1);

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));

        var tries = Of(await _receiver.WaitForAsync(Got("all", customer, "alert.raised"), "the retry"), "all", customer);
        Assert.Equal([503, 200], tries.Select(t => t.AnsweredWith));
        Assert.Equal(tries[0].DeliveryId, tries[1].DeliveryId);
        Assert.Equal(tries[0].Text, tries[1].Text);
    }

    [Fact]
    public async Task The_changes_of_one_alert_arrive_in_order_even_when_the_first_had_to_be_tried_three_times()
    {
        var customer = NewCustomer();
        _receiver.Answer("all", customer, 500, 502);
        var failed = (await fixture.StatusAsync())["all"].Failed;
        var alert = await RaiseAsync(Raise(customer));
        await fixture.Alerts.ActAsync(alert.Id, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "supervisor:ada" });
        await fixture.Alerts.ActAsync(alert.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:ada" });
        await _receiver.WaitForAsync(Got("all", customer, "alert.raised", status: 500), "the first try");
        await FailuresCountedAsync("all", failed + 1);
        Assert.Single(Of(_receiver.All, "all", customer)); // the acknowledgement and the resolution wait behind the raise

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await _receiver.WaitForAsync(Got("all", customer, "alert.raised", status: 502), "the second try");
        await FailuresCountedAsync("all", failed + 2);
        Assert.Equal(2, Of(_receiver.All, "all", customer).Count);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var got = Of(await _receiver.WaitForAsync(Got("all", customer, "alert.resolved"), "the resolution"), "all", customer);
        Assert.Equal(["alert.raised 500", "alert.raised 502", "alert.raised 200", "alert.updated 200", "alert.resolved 200"], got.Select(r => $"{r.Event} {r.AnsweredWith}"));
        var sequences = got.Skip(2).Select(r => r.Json.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal("acknowledged", got[3].Json.GetProperty("alert").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Targets_receive_only_the_severities_events_and_rules_they_ask_for_and_silenced_alerts_reach_none()
    {
        var (warned, critical) = (NewCustomer(), NewCustomer());
        var silencedRule = "silenced-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.Alerts.Directory.AddSilenceAsync(new Silence
        {
            Id = "sil-" + silencedRule, RuleId = silencedRule, Author = "test", Comment = "muted", CreatedAt = fixture.Clock.GetUtcNow(), ExpiresAt = fixture.Clock.GetUtcNow().AddHours(1),
        });
        // The customer's second condition is muted: it stays apart from their open alert (folded in, it would reach every target through it).
        var raised = await fixture.Alerts.BookOfCustomer(warned).ApplyAsync([Raise(warned), Raise(warned, silencedRule)]);
        var warning = raised.First(a => a.RuleId == "long-wait");
        Assert.Equal("sil-" + silencedRule, raised.Single(a => a.RuleId == silencedRule).SilencedBy);
        Assert.Empty(warning.Folded);
        await RaiseAsync(Raise(critical, severity: Severity.Critical));
        await fixture.Alerts.ActAsync(warning.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:ada" });

        await _receiver.WaitForAsync(all => Got("resolved", warned, "alert.resolved")(all) && Got("critical", critical, "alert.raised")(all) && Got("all", warned, "alert.resolved")(all), "the resolution and the critical raise");
        foreach (var target in new[] { "all", "critical", "resolved", "chat" })
        {
            await SettledAsync(target);
        }

        var all = _receiver.All;
        Assert.Empty(Of(all, "critical", warned));
        Assert.Equal(["alert.resolved"], Of(all, "resolved", warned).Select(r => r.Event));
        Assert.Empty(Of(all, "resolved", critical));
        Assert.Empty(Of(all, "slack", warned)); // the chat target wants detractor alerts only
        Assert.DoesNotContain(all, r => r.Text.Contains(silencedRule));
        Assert.Equal(["alert.raised", "alert.resolved"], Of(all, "all", warned).Select(r => r.Event));
    }

    [Fact]
    public async Task A_slack_target_gets_the_alert_as_text_in_its_language()
    {
        var customer = NewCustomer();
        await RaiseAsync(Raise(customer, rule: "detractor"));

        var post = Of(await _receiver.WaitForAsync(Got("slack", customer, "alert.raised"), "the slack post"), "slack", customer).Single();

        Assert.Equal(["text"], post.Json.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith($"新告警 [警告] *{customer} 等待了 9 分钟* (未处理)\n排队 540 秒\n", post.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Incident_changes_are_posted_as_incident_events()
    {
        var touchpoint = "web/" + Guid.NewGuid().ToString("N")[..8];
        var book = fixture.Alerts.BookOfTouchpoint(touchpoint);
        var degradation = Assert.Single(await book.ApplyAsync([new AlertSignal
        {
            Kind = SignalKind.Raise, RuleId = "touchpoint-degradation", Touchpoint = touchpoint, Severity = Severity.Critical,
            Title = $"{touchpoint} is failing", Detail = "40 % failed", At = fixture.Clock.GetUtcNow(),
        }]));
        await fixture.Alerts.ResolveIncidentAsync(degradation.IncidentId!, "supervisor:ada");

        var got = Of(await _receiver.WaitForAsync(Got("all", touchpoint, "incident.resolved"), "the incident's resolution"), "all", touchpoint);
        var incidents = got.Where(r => r.Event.StartsWith("incident.")).ToList();
        Assert.Equal(["incident.opened", "incident.resolved"], incidents.Select(r => r.Event));
        Assert.Equal(degradation.IncidentId, incidents[0].Json.GetProperty("incident").GetProperty("id").GetString());
    }
}
