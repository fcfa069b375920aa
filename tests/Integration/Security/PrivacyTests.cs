using System.Net;
using CxLive.Dashboard.Privacy;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Security;

public sealed class PrivateAppFixture : IDisposable
{
    public CxLiveApp App { get; } = new(new Dictionary<string, string?>
    {
        ["Privacy:MaskedAttributes:0"] = "phone",
        ["Privacy:MaskedAttributes:1"] = "email",
        ["Privacy:PseudonymKey"] = "test-key-0123456789-0123456789-0123456789",
    });

    public void Dispose() => App.Dispose();
}

/// <summary>With privacy settings on, what CxLive keeps and shows has no masked value and no real customer id.</summary>
public sealed class PrivacyTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>, IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Customers_are_known_by_pseudonym_only_and_masked_attributes_never_reach_a_page_or_an_alert()
    {
        var real = "alice-" + Guid.NewGuid().ToString("N")[..6] + "@example.com";
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(real, now.AddSeconds(n), "red shoes") with
        {
            Attributes = new() { ["query"] = "red shoes", ["phone"] = "+86 138 0013 8000" },
        }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(searches))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/customers/{Uri.EscapeDataString(real)}")).StatusCode);
        var pseudonym = fixture.App.Services.GetRequiredService<PrivacyRules>().CustomerId(real);
        var customer = await ReadObject(await _http.GetAsync($"api/customers/{pseudonym}"));
        var attributes = customer["timeline"]![0]!["attributes"]!;
        Assert.Equal("***00", (string)attributes["phone"]!);
        Assert.Equal("red shoes", (string)attributes["query"]!); // what detection needs is kept

        var alert = (await ReadArray(await _http.GetAsync($"api/alerts?customerId={pseudonym}"))).Single()!;
        Assert.DoesNotContain("alice", alert.ToJsonString());
        Assert.DoesNotContain("138 0013", alert.ToJsonString());
    }

    /// <summary>Asking by the id as it was sent answered an empty list, as if she had no alerts.</summary>
    [Fact]
    public async Task Asking_by_a_real_id_says_customers_are_kept_under_pseudonyms_instead_of_finding_nothing()
    {
        var real = "bob-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(Enumerable.Range(0, 3).Select(n => FailedSearch(real, now.AddSeconds(n))).ToArray()))).StatusCode);

        var alerts = await _http.GetAsync($"api/alerts?customerId={real}");
        var customer = await _http.GetAsync($"api/customers/{real}");

        Assert.Equal(HttpStatusCode.BadRequest, alerts.StatusCode);
        var reasons = (await ReadObject(alerts))["errors"]!["customerId"]!.AsArray().Select(r => (string)r!);
        Assert.Contains(reasons, r => r.StartsWith("customers are kept under pseudonyms here (cxp_ and 32 hex digits, Privacy:PseudonymKey)", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
        Assert.EndsWith("ask by the pseudonym your CRM computes from the id with the same key", (string)(await ReadObject(customer))["detail"]!);
        var pseudonym = fixture.App.Services.GetRequiredService<PrivacyRules>().CustomerId(real);
        Assert.Single(await ReadArray(await _http.GetAsync($"api/alerts?customerId={pseudonym}"))); // the pseudonym still finds it
    }
}
