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

    /// <summary>A count of rules in the README would be wrong the day a rule is added: it points to the catalogue instead.</summary>
    [Fact]
    public void The_readme_points_to_the_catalogue_without_counting_its_rules()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md")).ReplaceLineEndings(" ");

        Assert.Contains("watches for every kind of bad experience its rule catalogue lists ([docs/detectors.md](docs/detectors.md))", readme);
        Assert.DoesNotMatch(CountedRules(), readme);
    }

    [GeneratedRegex(@"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(kinds|rules|detectors)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountedRules();

    [GeneratedRegex(@"^\| `([a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRule();
}
