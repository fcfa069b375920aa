using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;
using CxLive.Grains.Journeys;

namespace CxLive.Dashboard.Api;

/// <summary>
/// One moment of a customer's timeline as the API shows it: the interaction as sent, plus what it
/// means (<see cref="InteractionStory"/>: sentence in English and every other language with a text table, derived result, stage
/// inferred when not sent), the unresolved alerts it is evidence of, and the incident it fell in
/// (<see cref="DuringIncident"/>).
/// </summary>
/// <param name="DuringIncident">
/// A failure at a touchpoint while an incident was open there (or in the lookback before it opened,
/// whose failures opened it): that incident's id. A customer who failed once in an outage raised no
/// alert of her own; this says what she ran into.
/// </param>
public sealed record TimelineItem(
    string Id,
    string CustomerId,
    DateTimeOffset Timestamp,
    Channel Channel,
    string Touchpoint,
    string Type,
    Outcome Outcome,
    JourneyStage? Stage,
    bool StageInferred,
    string? CaseId,
    double? Score,
    Dictionary<string, string>? Attributes,
    string? Source,
    string Result,
    StoryTone Tone,
    string Sentence,
    ImmutableDictionary<string, string> Translations,
    ImmutableArray<string> EvidenceOf,
    string? DuringIncident = null)
{
    /// <param name="agentNames">The roster's names by agent id: an outreach names the agent as the wall does.</param>
    /// <param name="outages">The incidents a failure can fall in, and how long before opening an incident's failures count (see <see cref="CustomerOutages"/>).</param>
    public static ImmutableArray<TimelineItem> Of(ImmutableArray<Interaction> timeline, ImmutableArray<Alert> openAlerts, IReadOnlyDictionary<string, string>? agentNames = null, CustomerOutages? outages = null)
    {
        var evidence = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var alert in openAlerts)
        {
            foreach (var id in alert.Evidence)
            {
                (evidence.TryGetValue(id, out var ids) ? ids : evidence[id] = []).Add(alert.Id);
            }
        }

        return [.. timeline.Select(i => Of(i, evidence.TryGetValue(i.Id, out var ids) ? [.. ids] : [], agentNames) with { DuringIncident = outages?.IncidentOf(i)?.Id })];
    }

    public static TimelineItem Of(Interaction i, ImmutableArray<string> evidenceOf, IReadOnlyDictionary<string, string>? agentNames = null)
    {
        var story = InteractionStories.Tell(i, agentNames);
        return new(i.Id, i.CustomerId, i.Timestamp, i.Channel, i.Touchpoint, i.Type, i.Outcome, story.Stage, story.StageInferred,
            i.CaseId, i.Score, i.Attributes, i.Source, story.Result, story.Tone, story.Sentence, story.Translations, evidenceOf);
    }
}
