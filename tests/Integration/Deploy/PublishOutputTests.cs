using System.Text.RegularExpressions;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Deploy;

/// <summary><c>dotnet publish</c> carries what the install guide copies out of it, and nothing an operator filled in.</summary>
[Collection(ProcessCollection.Name)]
public sealed partial class PublishOutputTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_publish_output_holds_every_deploy_file_the_guide_copies_and_no_filled_in_secret()
    {
        var guide = await File.ReadAllTextAsync(Repository.PathOf("docs/operations.md"));
        var copied = PublishedDeployFile().Matches(guide).Select(m => m.Groups["path"].Value).Distinct().ToArray();
        Assert.Contains("cxlive.service", copied);
        Assert.Contains("cxlive.env.example", copied);
        Assert.Contains("appsettings.Production.example.json", copied);

        // An operator's filled-in compose secrets and settings, as the guide has them made.
        var secrets = new[] { Path.Combine(DeployFiles.Deploy, ".env"), Path.Combine(DeployFiles.Deploy, "appsettings.Production.json") };
        var made = secrets.Where(f => !File.Exists(f)).ToArray();
        var output = Directory.CreateTempSubdirectory("cxlive-publish-").FullName;
        try
        {
            foreach (var file in made)
            {
                await File.WriteAllTextAsync(file, "secret");
            }

            // The build the tests run on, published as the guide publishes it (without building again).
            var (exitCode, stdout, stderr) = await Repository.RunAsync("dotnet", Repository.Root, "publish", "src/Silo", "-c", Configuration, "--no-build", "--nologo", "-o", output);
            Assert.True(exitCode == 0, stdout + stderr);

            var published = Path.Combine(output, "deploy");
            Assert.All(copied, path => Assert.True(File.Exists(Path.Combine(published, path)), $"the guide copies /opt/cxlive/deploy/{path}; publish did not put it there"));
            var tracked = Directory.GetFiles(DeployFiles.Deploy, "*", SearchOption.AllDirectories).Except(secrets).Select(f => Path.GetRelativePath(DeployFiles.Deploy, f));
            Assert.All(tracked, path => Assert.True(File.Exists(Path.Combine(published, path)), $"deploy/{path} is missing from the publish output"));
            Assert.All(secrets, secret => Assert.False(File.Exists(Path.Combine(published, Path.GetFileName(secret))), $"{Path.GetFileName(secret)} was published"));
            Assert.True(File.Exists(Path.Combine(output, "CxLive.Silo.dll")));
        }
        finally
        {
            foreach (var file in made)
            {
                File.Delete(file);
            }

            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"/opt/cxlive/deploy/(?<path>[\w./-]+\w)")]
    private static partial Regex PublishedDeployFile();
}
