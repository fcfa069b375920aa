using CxLive.Contracts.Journeys;

namespace CxLive.Tests.Integration.Support;

/// <summary>Interactions for tests, with unique ids and a customer per test unless one is given.</summary>
public static class Interactions
{
    public static string NewCustomer() => "c-" + Guid.NewGuid().ToString("N")[..12];

    public static Interaction FailedSearch(string customerId, DateTimeOffset at, string query = "red shoes", string? id = null) =>
        Make(customerId, at, InteractionTypes.Search, score: 0, attributes: new() { ["query"] = query }, id: id);

    public static Interaction Make(
        string customerId,
        DateTimeOffset at,
        string type,
        string touchpoint = "web/search",
        Outcome outcome = Outcome.Success,
        double? score = null,
        Dictionary<string, string>? attributes = null,
        string? id = null) => new()
        {
            Id = id ?? "i-" + Guid.NewGuid().ToString("N"),
            CustomerId = customerId,
            Timestamp = at,
            Channel = Channel.Web,
            Touchpoint = touchpoint,
            Type = type,
            Outcome = outcome,
            Score = score,
            Attributes = attributes,
        };
}
