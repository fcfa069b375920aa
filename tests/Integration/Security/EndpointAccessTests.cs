using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Security;

/// <summary>
/// Who may call what, read from the running app's endpoints: every endpoint names a policy or says
/// it is open to anyone, so none is open by omission, and the whole map is the one docs/security.md
/// describes (WebTier.MapCxWeb maps each API under its policy's group; no handler file names a policy).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointAccessTests(AppFixture fixture)
{
    private const string Anyone = "anyone";

    /// <summary>Each endpoint as "METHOD route", with the policies it requires or <see cref="Anyone"/>.</summary>
    private Dictionary<string, string> Map() => fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .GroupBy(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} /{e.RoutePattern.RawText?.TrimStart('/')}")
        .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(AccessOf).Distinct()));

    private static string AccessOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Anyone
        : string.Join("+", endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "signed-in").Distinct().Order(StringComparer.Ordinal)) is { Length: > 0 } policies ? policies
        : "NONE";

    [Fact]
    public void Every_endpoint_names_its_policy_or_says_it_is_open_to_anyone()
    {
        var open = Map().Where(e => e.Value.Contains("NONE", StringComparison.Ordinal)).Select(e => e.Key).Order(StringComparer.Ordinal);

        Assert.Empty(open);
    }

    /// <summary>
    /// The whole map, as docs/security.md tells it (the API reference open, as in Development). A new
    /// endpoint is added here with the policy it was meant to have, so nobody opens one by accident.
    /// </summary>
    [Fact]
    public void Each_endpoint_answers_to_the_policy_its_readers_are_told()
    {
        var map = Map();

        Assert.Equal(Expected.OrderBy(e => e.Key, StringComparer.Ordinal), map.Where(e => !IsOrleansDashboard(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(map.Where(e => IsOrleansDashboard(e.Key)), e => Assert.Equal(Access.AdminPolicy, e.Value));
    }

    private static bool IsOrleansDashboard(string endpoint) => endpoint.Contains(" /orleans/", StringComparison.Ordinal);

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["ANY /health/live"] = Anyone,
        ["ANY /health/ready"] = Anyone,
        ["ANY /health/startup"] = Anyone,
        ["ANY /hubs/cx"] = Access.PeoplePolicy,
        ["ANY /hubs/cx/negotiate"] = Access.PeoplePolicy,
        ["ANY /metrics"] = Anyone,
        ["DELETE /api/silences/{id}"] = Access.SupervisorPolicy,
        ["GET /"] = Access.PeoplePolicy,
        ["GET /agent"] = Access.PeoplePolicy,
        ["GET /api/agents"] = Access.PeoplePolicy,
        ["GET /api/alerts/"] = Access.SupervisorPolicy,
        ["GET /api/alerts/stats"] = Access.SupervisorPolicy,
        ["GET /api/alerts/{id}"] = Access.SupervisorPolicy,
        ["GET /api/customers"] = Access.PeoplePolicy,
        ["GET /api/customers/{id}"] = Access.PeoplePolicy,
        ["GET /api/customers/{id}/score"] = Access.PeoplePolicy,
        ["GET /api/experience/distribution"] = Access.SupervisorPolicy,
        ["GET /api/incidents/"] = Access.SupervisorPolicy,
        ["GET /api/incidents/{id}"] = Access.SupervisorPolicy,
        ["GET /api/insights/pain-points"] = Access.SupervisorPolicy,
        ["GET /api/me"] = Access.PeoplePolicy,
        ["GET /api/outreach/"] = Access.PeoplePolicy,
        ["GET /api/outreach/{id}"] = Access.PeoplePolicy,
        ["GET /api/rules/"] = Access.SupervisorPolicy,
        ["GET /api/rules/{ruleId}"] = Access.SupervisorPolicy,
        ["GET /api/silences/"] = Access.SupervisorPolicy,
        ["GET /api/silences/{id}"] = Access.SupervisorPolicy,
        ["GET /api/touchpoints/"] = Access.SupervisorPolicy,
        ["GET /api/touchpoints/{**id}"] = Access.SupervisorPolicy,
        ["GET /api/webhooks/deliveries"] = Access.AdminPolicy,
        ["GET /customers/{id}"] = Access.PeoplePolicy,
        ["GET /favicon.ico"] = Anyone,
        ["GET /insights"] = Access.SupervisorPolicy,
        ["GET /login"] = Anyone,
        ["GET /signin"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Anyone,
        ["GET /scalar/favicon.svg"] = Anyone,
        ["GET /scalar/scalar.aspnetcore.js"] = Anyone,
        ["GET /scalar/scalar.js"] = Anyone,
        ["GET /scalar/{documentName?}"] = Anyone,
        ["POST /api/alerts/{id}/ack"] = Access.SupervisorPolicy,
        ["POST /api/alerts/{id}/assign"] = Access.SupervisorPolicy,
        ["POST /api/alerts/{id}/resolve"] = Access.SupervisorPolicy,
        ["POST /api/alerts/{id}/snooze"] = Access.SupervisorPolicy,
        ["POST /api/incidents/{id}/resolve"] = Access.SupervisorPolicy,
        ["POST /api/interactions"] = Access.IntegratorPolicy,
        ["POST /api/outreach/{id}/outcome"] = Access.PeoplePolicy,
        ["POST /api/rules/backtest"] = Access.AdminPolicy,
        ["POST /api/silences/"] = Access.SupervisorPolicy,
        ["POST /login"] = Anyone,
        ["POST /logout"] = Anyone,
        ["PUT /api/rules/{ruleId}"] = Access.AdminPolicy,
    };
}
