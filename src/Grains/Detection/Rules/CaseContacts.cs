using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// Contacts per case for <see cref="RepeatContactDetector"/>: the most recent cases only, each
/// with its contacts in event-time order, so a customer with many cases stays bounded.
/// </summary>
[GenerateSerializer, Alias("cx.CaseContacts")]
public sealed class CaseContacts
{
    public const int MaxCases = 16;
    public const int MaxContactsPerCase = 32;

    [Id(0)] public Dictionary<string, List<CaseContact>> ByCase { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Cases whose repeat-contact alert is open.</summary>
    [Id(1)] public HashSet<string> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When an open case's complaint was answered, if no contact has come since.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> AnsweredAt { get; set; } = new(StringComparer.Ordinal);

    public void Forget(string caseId)
    {
        ByCase.Remove(caseId);
        Open.Remove(caseId);
        AnsweredAt.Remove(caseId);
    }

    public List<CaseContact> Add(string caseId, CaseContact contact, TimeSpan window)
    {
        if (!ByCase.TryGetValue(caseId, out var contacts))
        {
            if (ByCase.Count >= MaxCases)
            {
                Forget(ByCase.MinBy(c => c.Value[^1].At).Key);
            }

            ByCase[caseId] = contacts = [];
        }

        var index = contacts.Count;
        while (index > 0 && contacts[index - 1].At > contact.At)
        {
            index--;
        }

        contacts.Insert(index, contact);
        var horizon = contacts[^1].At - window;
        contacts.RemoveAll(c => c.At < horizon);
        if (contacts.Count > MaxContactsPerCase)
        {
            contacts.RemoveRange(0, contacts.Count - MaxContactsPerCase);
        }

        return contacts;
    }
}
