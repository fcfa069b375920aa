using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>What a person (or an agent's outcome report) does to an alert: the input of the state machine.</summary>
[GenerateSerializer, Immutable, Alias("cx.AlertAction")]
public sealed record AlertAction
{
    [Id(0)] public required AlertActionKind Kind { get; init; }

    /// <summary>Who did it, kept in the history (e.g. <c>supervisor:li</c>, <c>agent:a-7</c>).</summary>
    [Id(1)] public required string By { get; init; }

    [Id(2)] public string? Note { get; init; }
    [Id(3)] public string? AgentId { get; init; }
    [Id(4)] public DateTimeOffset? Until { get; init; }
    [Id(5)] public AlertOutcome? Outcome { get; init; }

    /// <summary>
    /// The <see cref="Note"/> in other languages, by code, when CxLive wrote it (the desk's "outreach by
    /// email"); a person's note has none: it is kept as written.
    /// </summary>
    [Id(6)] public ImmutableDictionary<string, string>? NoteTranslations { get; init; }

    /// <summary>
    /// The <see cref="AgentId"/>'s name where the roster gives one (the desk fills it in): the
    /// history says "assigned to Li Na", as the card's owner field does, not the agent's id.
    /// </summary>
    [Id(7)] public string? AgentName { get; init; }

    /// <summary>
    /// The desk's hand-out: refused on an alert an outage stands for. The book's word to withdraw the
    /// prompt may overtake the offer (one-way calls keep no order), and the card then named an agent
    /// who had no prompt. A supervisor's assignment is taken whatever holds the alert.
    /// </summary>
    [Id(8)] public bool NotOntoAnOutage { get; init; }

    /// <summary>
    /// A resolve whose <see cref="Outcome"/> nobody gave: the alert's partition read it from the
    /// customer's timeline since the alert. The history says so: "resolved" beside "recovered" read
    /// as the supervisor's own judgement.
    /// </summary>
    [Id(9)] public bool OutcomeFromTimeline { get; init; }

    /// <summary>
    /// On an agent's <see cref="AlertActionKind.Report"/> of <c>contacted</c>: they reached the
    /// customer (<see cref="AgentId"/> names them), and follow the alert up until they say how it ended.
    /// </summary>
    [Id(10)] public bool Reached { get; init; }

    /// <summary>On an agent's <see cref="AlertActionKind.Report"/> of <c>unreachable</c>: they could not reach the customer (<see cref="AgentId"/> names them).</summary>
    [Id(11)] public bool Unreached { get; init; }

    /// <summary>
    /// On the desk's <see cref="AlertActionKind.Assign"/> to nobody: the try that waited in the queue
    /// lapsed (its moment passed before an agent had room), so nothing waits for an agent now. A silo
    /// that knows no such flag reads an assignment to nobody of an alert nobody holds: nothing to record.
    /// </summary>
    [Id(12)] public bool TryLapsed { get; init; }
}
