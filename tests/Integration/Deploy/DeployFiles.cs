using System.Text.Json;
using System.Text.RegularExpressions;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Deploy;

/// <summary>
/// The files in <c>deploy/</c>, read as an operator's tools read them: YAML through the npm package
/// <c>yaml</c> (tests/Deploy/read.mjs, restored by the build from its package-lock.json), the rest as text.
/// </summary>
public static partial class DeployFiles
{
    public static string Deploy => Repository.PathOf("deploy");
    public static string Validator => Repository.PathOf("tests/Deploy");

    public static string[] KubernetesFiles => Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml").Order().ToArray();

    /// <summary><c>node read.mjs</c>: the documents of each file as JSON; with <paramref name="kubernetes"/>, validated first.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> ReadAsync(bool kubernetes, params string[] files) =>
        await Repository.RunAsync("node", Validator, [Path.Combine(Validator, "read.mjs"), .. kubernetes ? ["--kubernetes"] : Array.Empty<string>(), .. files]);

    public static async Task<JsonElement[]> DocumentsAsync(bool kubernetes, params string[] files)
    {
        var (exitCode, output, errors) = await ReadAsync(kubernetes, files);
        Assert.True(exitCode == 0, errors);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().SelectMany(f => f.GetProperty("documents").EnumerateArray())];
    }

    public static IEnumerable<JsonElement> Kind(this IEnumerable<JsonElement> documents, string kind) =>
        documents.Where(d => d.GetProperty("kind").GetString() == kind);

    public static string Name(this JsonElement document) => document.GetProperty("metadata").GetProperty("name").GetString()!;

    public static IEnumerable<JsonElement> Containers(this JsonElement workload) =>
        workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray();

    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static IEnumerable<JsonProperty> Entries(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } map ? map.EnumerateObject() : [];

    /// <summary>The port of an ASP.NET Core URL setting: <c>http://+:8080</c> → 8080.</summary>
    public static int PortOf(string urls) => int.Parse(UrlPort().Match(urls).Groups["port"].Value);

    /// <summary>What the text files name: <c>KEY=</c> lines of an env file, <c>ENV</c>/<c>EXPOSE</c> of the Containerfile.</summary>
    public static IEnumerable<(string Name, string Value)> EnvFileLines(string file) =>
        File.ReadLines(file)
            .Select(l => l.TrimStart('#').Trim())
            .Select(l => EnvLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["value"].Value));

    [GeneratedRegex(@":(?<port>\d+)/?$")]
    private static partial Regex UrlPort();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex EnvLine();
}
