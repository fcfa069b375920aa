using System.Text.RegularExpressions;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Conventions;

/// <summary>
/// Who may call what is said in one place: WebTier.MapCxWeb maps every API, page and the hub under
/// one policy's group (the probes, open to anyone, are mapped with the operations). No handler file
/// names a policy or opens itself, so reading WebTier is reading the whole map.
/// </summary>
public sealed partial class AccessInOnePlaceTests
{
    private static readonly HashSet<string> Mappers = new(StringComparer.Ordinal)
    {
        "src/Dashboard/Hosting/WebTier.cs",
        "src/Dashboard/Operations/OperationsExtensions.cs",
    };

    [Fact]
    public void Only_the_web_tier_names_who_may_call_an_endpoint()
    {
        var naming = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => !Mappers.Contains(path) && NamesAccess().IsMatch(File.ReadAllText(Repository.PathOf(path))))
            .Order(StringComparer.Ordinal);

        Assert.Empty(naming);
    }

    [GeneratedRegex(@"\.RequireAuthorization\(|\.AllowAnonymous\(|\[Authorize\b|\[AllowAnonymous\b")]
    private static partial Regex NamesAccess();
}
