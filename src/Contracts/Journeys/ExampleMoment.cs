namespace CxLive.Contracts.Journeys;

/// <summary>
/// One moment of a journey as data, with no customer, id or time yet: what a rule's example is made
/// of, so tests and the simulator can make as many real interactions of it as they need.
/// </summary>
public sealed record ExampleMoment(
    string Type,
    Channel Channel,
    string Touchpoint,
    JourneyStage Stage,
    Outcome Outcome = Outcome.Success,
    double? Score = null,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    /// <summary>This moment happening to <paramref name="customerId"/> at <paramref name="at"/>.</summary>
    public Interaction Make(string id, string customerId, DateTimeOffset at) => new()
    {
        Id = id,
        CustomerId = customerId,
        Timestamp = at,
        Channel = Channel,
        Touchpoint = Touchpoint,
        Type = Type,
        Outcome = Outcome,
        Stage = Stage,
        Score = Score,
        Attributes = Attributes is null ? null : new Dictionary<string, string>(Attributes, StringComparer.Ordinal),
    };
}
