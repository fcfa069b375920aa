using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

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
