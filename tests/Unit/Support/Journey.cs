using CxLive.Contracts.Journeys;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Unit.Support;

/// <summary>
/// Builds one customer's interactions on a fake clock: <c>journey.After(TimeSpan.FromMinutes(4)).FailedSearch("shoes")</c>.
/// Each interaction gets the clock's current time and a fresh id.
/// </summary>
public sealed class Journey(string customerId = "c-1")
{
    private int _next;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Journey After(TimeSpan elapsed)
    {
        Clock.Advance(elapsed);
        return this;
    }

    public Interaction FailedSearch(string query = "red shoes", string touchpoint = "web/search") =>
        Make(InteractionTypes.Search, touchpoint, score: 0, attributes: new() { ["query"] = query });

    /// <summary>A rule's example moment (<see cref="ExampleMoment"/>) happening now.</summary>
    public Interaction Make(ExampleMoment moment) => moment.Make($"{customerId}-i{_next++}", customerId, Now);

    public Interaction SuccessfulSearch(int results = 12) => Make(InteractionTypes.Search, "web/search", score: results);

    public Interaction Make(
        string type,
        string touchpoint = "web/search",
        Outcome outcome = Outcome.Success,
        double? score = null,
        Dictionary<string, string>? attributes = null,
        DateTimeOffset? at = null,
        Channel channel = Channel.Web,
        JourneyStage? stage = null) => new()
        {
            Id = $"{customerId}-i{_next++}",
            CustomerId = customerId,
            Timestamp = at ?? Now,
            Channel = channel,
            Touchpoint = touchpoint,
            Type = type,
            Outcome = outcome,
            Score = score,
            Attributes = attributes,
            Stage = stage,
        };
}
