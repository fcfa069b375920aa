using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>A complaint waiting for its reply, and how far its SLA alert has gone (0 none, 1 due soon, 2 breached, 3 critical).</summary>
[GenerateSerializer, Immutable, Alias("cx.PendingComplaint")]
public sealed record PendingComplaint(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] string Touchpoint,
    [property: Id(4)] JourneyStage? Stage,
    [property: Id(5)] int Level);

/// <summary>Complaints without a reply yet, by case. Bounded: the oldest are dropped past the limit.</summary>
[GenerateSerializer, Alias("cx.PendingComplaints")]
public sealed class PendingComplaints
{
    public const int Capacity = 32;

    [Id(0)] public Dictionary<string, PendingComplaint> ByCase { get; set; } = new(StringComparer.Ordinal);

    public void Add(string caseId, PendingComplaint complaint)
    {
        if (ByCase.ContainsKey(caseId))
        {
            return; // the case is already waiting; its clock started with the first complaint
        }

        if (ByCase.Count >= Capacity)
        {
            ByCase.Remove(ByCase.MinBy(c => c.Value.At).Key);
        }

        ByCase[caseId] = complaint;
    }
}
