using System.Collections.Immutable;

namespace CxLive.Contracts.Journeys;

/// <summary>
/// What one interaction means to a person reading a timeline: a short sentence built from its type
/// and attributes ("searched 'red running shoes 42' — 0 results"), in English and in every other
/// language of the pages, a result derived from what happened (a search that found nothing says
/// <c>found-nothing</c>, not the <c>success</c> the outcome field defaults to), and the journey stage,
/// inferred from the type when the integrator sent none. Written by <c>InteractionStories</c> (CxLive.Grains.Journeys) from each language's text table.
/// </summary>
/// <param name="Result">A short result code the pages translate (<c>found-nothing</c>, <c>failed</c>, <c>waited</c>, <c>scored</c>, …).</param>
/// <param name="Tone">Whether that result is good, neutral or bad for the customer.</param>
/// <param name="Stage">The stage the integrator sent, or the one inferred from the type; null when neither says.</param>
/// <param name="StageInferred">True when <paramref name="Stage"/> was inferred from the type.</param>
/// <param name="Sentence">What happened, in English.</param>
/// <param name="Translations">The same sentence in the other languages, by BCP 47 name (<c>zh-CN</c>).</param>
public sealed record InteractionStory(
    string Result,
    StoryTone Tone,
    JourneyStage? Stage,
    bool StageInferred,
    string Sentence,
    ImmutableDictionary<string, string> Translations);
