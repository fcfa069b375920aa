using CxLive.Contracts.Rules;
using CxLive.Grains.Rules;

namespace CxLive.Grains.Rules;

/// <summary>What the rules grain stores (Orleans binary serializer, stable Ids).</summary>
[GenerateSerializer, Alias("cx.RulesState")]
public sealed class RulesState
{
    [Id(0)] public RuleChanges Changes { get; set; } = RuleChanges.None;
}
