using CxLive.Contracts.Journeys;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Ingestion;

/// <summary>
/// The attribute keys ingestion warns about when written another way are the ones docs/api.md says
/// CxLive reads ("Attributes read:", under Timelines): a key added to one and not the other would
/// warn about a key nobody was told of, or stay silent about one that is.
/// </summary>
public sealed class AttributeKeysDocsTests
{
    [Fact]
    public void The_keys_CxLive_reads_are_the_ones_the_api_reference_lists()
    {
        var api = File.ReadAllText(Repository.PathOf("docs", "api.md"));
        var from = api.IndexOf("Attributes read:", StringComparison.Ordinal);
        var listed = api[from..api.IndexOf("`queue-wait`'s score", from, StringComparison.Ordinal)];
        var named = System.Text.RegularExpressions.Regex.Matches(listed, "`([a-zA-Z]+)`").Select(m => m.Groups[1].Value)
            .Where(word => word is not ("score" or "nps" or "csat")) // what a score means and the scales, not keys
            .ToHashSet();

        Assert.Equal(named.Order(), InteractionAttributes.Read.Order());
    }
}
