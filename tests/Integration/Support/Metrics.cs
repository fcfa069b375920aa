using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CxLive.Tests.Integration.Support;

/// <summary>Reading <c>/metrics</c> as Prometheus would: a sample's value, and how far a counter moved.</summary>
public static partial class Metrics
{
    public static async Task<string> ScrapeAsync(HttpClient http)
    {
        var response = await http.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static double Moved(string before, string after, string name, string labels) => Value(after, name, labels) - Value(before, name, labels);

    /// <summary>The sample of <paramref name="name"/> whose labels include <paramref name="labels"/> (0 when absent: a counter not yet touched).</summary>
    public static double Value(string exposition, string name, string labels)
    {
        foreach (Match line in Sample().Matches(exposition))
        {
            if (line.Groups["name"].Value == name && line.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
            {
                return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
