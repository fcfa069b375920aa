using CxLive.Contracts.Journeys;

namespace CxLive.Tests.Integration.Support;

/// <summary>Interactions for tests, with unique ids and a customer per test unless one is given.</summary>
public static class Interactions
{
    public static string NewCustomer() => "c-" + Guid.NewGuid().ToString("N")[..12];

    public static Interaction FailedSearch(string customerId, DateTimeOffset at, string query = "red shoes", string? id = null) =>
        Make(customerId, at, InteractionTypes.Search, score: 0, attributes: new() { ["query"] = query }, id: id);

    /// <summary>
    /// Three failed searches 20 s apart from <paramref name="at"/> ("3 failed searches in 40 s"), on a
    /// search of her own: on a shared one, enough failures of every test make an outage that takes her alert in.
    /// </summary>
    public static Interaction[] FailedSearchesOfHerOwn(string customerId, DateTimeOffset at, string query = "red shoes") =>
        [.. Enumerable.Range(0, 3).Select(n => FailedSearch(customerId, at.AddSeconds(n * 20), $"{query} {n}") with { Touchpoint = $"web/search-{customerId}" })];

    /// <summary>
    /// She wrote to support by email, then two payments failed a minute apart ("2 failed payments in 1 min"),
    /// on a checkout of her own (as above): her prompt goes by email (wang.wei's, in the tests' team).
    /// </summary>
    public static Interaction[] FailedPaymentsAfterAnEmail(string customerId, DateTimeOffset at) =>
    [
        Make(customerId, at, InteractionTypes.Contact, "email/support") with { Channel = Channel.Email },
        Make(customerId, at.AddMinutes(1), InteractionTypes.Payment, $"web/checkout-{customerId}", Outcome.Failure),
        Make(customerId, at.AddMinutes(2), InteractionTypes.Payment, $"web/checkout-{customerId}", Outcome.Failure),
    ];

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
