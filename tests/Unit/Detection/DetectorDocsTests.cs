using System.Text.RegularExpressions;
using CxLive.Grains.Detection;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>The catalogue is the truth; the docs a newcomer reads must not fall behind it.</summary>
public partial class DetectorDocsTests
{
    private static readonly IReadOnlyList<CxLive.Grains.Detection.RuleDefinition> Rules = [.. CustomerDetectors.Catalogue().Definitions];

    [Fact]
    public void Detectors_md_has_a_row_for_every_rule_and_none_for_rules_that_do_not_exist()
    {
        var text = File.ReadAllText(Repository.PathOf("docs", "detectors.md")).ReplaceLineEndings("\n");
        var table = text[text.IndexOf("| rule |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)]; // the catalogue table, up to its end
        var documented = TableRule().Matches(table).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(Rules.Select(r => r.RuleId).Order(), documented.Order());
    }

    [Fact]
    public void The_readme_counts_the_rules_there_are()
    {
        string[] words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

        Assert.Contains($"watches for {words[Rules.Count]} kinds of bad experience", File.ReadAllText(Repository.PathOf("README.md")));
    }

    [GeneratedRegex(@"^\| `([a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRule();
}
