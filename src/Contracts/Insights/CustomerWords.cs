namespace CxLive.Contracts.Insights;

/// <summary>A customer's own words (a search query, a comment, a complaint's text) on an interaction that made an alert fire.</summary>
[GenerateSerializer, Immutable, Alias("cx.CustomerWords")]
public sealed record CustomerWords(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Words,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset At);
