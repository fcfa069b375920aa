using System.Text.RegularExpressions;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Conventions;

/// <summary>A public type is found by its file name: no file in src/ declares two (nested types aside).</summary>
public sealed partial class OneTypePerFileTests
{
    [Fact]
    public void No_source_file_declares_two_public_types()
    {
        var src = Repository.PathOf("src");
        var crowded = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => TopLevelPublicType().Matches(File.ReadAllText(Repository.PathOf(path))).Count > 1)
            .Order(StringComparer.Ordinal);

        Assert.Empty(crowded);
    }

    [GeneratedRegex(@"^public (?:[a-z]+ )*(?:class|record|struct|interface|enum) ", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}
