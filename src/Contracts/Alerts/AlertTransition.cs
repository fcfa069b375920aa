using System.Collections.Immutable;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// One entry of an alert's history: what changed, when, by whom and why. <see cref="Note"/> is in
/// English; <see cref="Translations"/> has the same note in each other language by code (as
/// <see cref="Alert.Translations"/>), with a person's own words kept as written (the raising step:
/// the title as raised). Absent on steps stored before notes were translated. <see cref="FoldedRule"/>
/// marks a step that brought something new the customer went through (a condition folded in, or
/// one that moved on): the wall says so on a card someone already handles. <see cref="Said"/> is a
/// person's own words on this step, alone and as written ("handled by phone"), where the note has
/// them after CxLive's own ("resolved: handled by phone"): an agent whose prompt this step took back
/// is told what the supervisor wrote.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertTransition")]
public sealed record AlertTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] AlertState State,
    [property: Id(2)] string By,
    [property: Id(3)] string Note,
    [property: Id(4)] ImmutableDictionary<string, string>? Translations = null,
    [property: Id(5)] string? FoldedRule = null,
    [property: Id(6)] string? Said = null);
