using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "I had to explain it again and again": several contacts about one case within days, across
/// channels. Follows the case by <c>caseId</c>; one alert per case. It resolves when the case's
/// complaint is answered and no contact follows for <c>quiet</c>.
/// </summary>
public sealed class RepeatContactDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.RepeatContact;
    public const string Contacts = "contacts";
    public const string Window = "window";
    public const string Channels = "channels";
    public const string Quiet = "quiet";

    /// <summary>Every channel there is; declared before <see cref="Rule"/>, which reads it.</summary>
    private static readonly int ChannelCount = Enum.GetValues<Channel>().Length;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer keeps contacting us about the same case, across channels.",
        Severity.Warning,
        [
            new(Contacts, ParameterKind.Count, "3", "Contacts about one case that make the alert fire.") { Most = CaseContacts.MaxContactsPerCase }, // more are never kept: it could never fire
            new(Window, ParameterKind.Duration, "7.00:00:00", "Longest time from the first to the last of those contacts."),
            new(Channels, ParameterKind.Count, "2", "Distinct channels those contacts must span (at most contacts).") { Most = ChannelCount }, // every channel there is
            new(Quiet, ParameterKind.Duration, "1.00:00:00", "After the complaint is answered, this long with no contact resolves the alert."),
        ])
    {
        // Three contacts cannot span four channels: it could never fire.
        Together = values => (int)values[Channels] > (int)values[Contacts]
            ? [$"parameters.{Channels}: must be at most {Contacts} ({values[Contacts]}): each contact is on one channel"]
            : [],
    };

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.CaseId is not { } caseId)
        {
            return;
        }

        if (interaction.Type == InteractionTypes.ComplaintReply)
        {
            if (state.Cases.Open.Contains(caseId))
            {
                state.Cases.AnsweredAt[caseId] = interaction.Timestamp;
            }

            return;
        }

        if (interaction.Type is not (InteractionTypes.Contact or InteractionTypes.Complaint))
        {
            return;
        }

        state.Cases.AnsweredAt.Remove(caseId); // the customer came back: the answer did not settle it

        var contacts = state.Cases.Add(caseId, new CaseContact(interaction.Timestamp, interaction.Id, interaction.Channel, interaction.Touchpoint), rule.Duration(Window));
        var channels = contacts.Select(c => c.Channel).Distinct().ToList();
        if (contacts.Count < rule.Count(Contacts) || channels.Count < rule.Count(Channels))
        {
            return;
        }

        state.Cases.Open.Add(caseId);
        var words = AlertTexts.Write(language => language.Alert(
            RuleId,
            new()
            {
                ["count"] = contacts.Count,
                ["span"] = language.Span(contacts[^1].At - contacts[0].At),
                ["case"] = caseId,
                ["channels"] = language.List(channels.Select(language.ChannelName)),
            }));
        signals.Add(words.Raise(RuleId, rule.Severity, interaction.Timestamp) with
        {
            CustomerId = interaction.CustomerId,
            CaseId = caseId,
            Touchpoint = interaction.Touchpoint,
            Stage = interaction.Stage ?? JourneyStage.Service,
            Evidence = [.. contacts.Select(c => c.InteractionId)],
            SuggestedAction = words.Action(Channel.CallCenter),
        });
    }

    public DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) =>
        state.Cases.AnsweredAt.Count == 0 ? null : state.Cases.AnsweredAt.Values.Min() + rule.Duration(Quiet);

    public void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } first || first > now)
        {
            return;
        }

        ResolveQuietCases(rule.Duration(Quiet), state, customerId, now, signals);
    }

    /// <summary>Apart from <see cref="Expire"/>, which runs on every batch: its lambda's closure is allocated only when a deadline passed.</summary>
    private static void ResolveQuietCases(TimeSpan quiet, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        foreach (var (caseId, answered) in state.Cases.AnsweredAt.Where(a => a.Value + quiet <= now).ToList())
        {
            state.Cases.Forget(caseId);
            signals.Add(ResolvedSignal.Of(RuleId, now, HistoryNote.Resolution(RuleId, l => new() { ["quiet"] = l.Span(quiet) }), customerId: customerId, caseId: caseId));
        }
    }
}
