using System.Net;
using System.Text.RegularExpressions;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Deploy;

/// <summary><c>dotnet publish</c> carries what the install guide copies out of it, and nothing an operator filled in.</summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed partial class PublishOutputTests(RedisServer redis) : IClassFixture<RedisServer>
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

            await PublishAsync(output);

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

    /// <summary>
    /// The image, the units and the manifests start the web front as <c>CxLive.Dashboard.dll</c> from
    /// the silo's publish output: it must run from there, beside a compute-only silo run from there too.
    /// </summary>
    [Fact]
    public async Task The_publish_output_runs_a_compute_only_silo_and_a_web_front_that_serves_its_data()
    {
        var output = Directory.CreateTempSubdirectory("cxlive-publish-").FullName;
        try
        {
            await PublishAsync(output);
            var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
            var siloSettings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
            siloSettings["Web:Enabled"] = "false";
            await using var silo = await SiloProcess.StartAsync(siloSettings, Path.Combine(output, SiloProcess.Silo));
            await using var front = await SiloProcess.StartAsync(SiloProcess.FrontSettingsFor(siloSettings), Path.Combine(output, SiloProcess.Front));

            var customer = "published-" + Guid.NewGuid().ToString("N")[..6];
            var ingest = await front.Http.PostAsync("api/interactions", Wire.Body(Interactions.Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView, "web/home")));
            Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
            var count = await StreamTraffic.FirstRecordedAsync(front.Http, customer, "the published front to serve what it took in, through the published silo");
            Assert.Equal(1, count);
            Assert.Equal(HttpStatusCode.NotFound, (await silo.Http.GetAsync($"api/customers/{customer}")).StatusCode); // the silo serves no web
            // The pages and their scripts are in the front's assembly, as published.
            foreach (var path in new[] { "", "wall.js", "lib/signalr.min.js" })
            {
                Assert.Equal(HttpStatusCode.OK, (await front.Http.GetAsync(path)).StatusCode);
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The build the tests run on, published as the guide publishes it (without building again).</summary>
    private static async Task PublishAsync(string output)
    {
        var (exitCode, stdout, stderr) = await Repository.RunAsync("dotnet", Repository.Root, "publish", "src/Silo", "-c", Configuration, "--no-build", "--nologo", "-o", output);
        Assert.True(exitCode == 0, stdout + stderr);
    }

    [GeneratedRegex(@"/opt/cxlive/deploy/(?<path>[\w./-]+\w)")]
    private static partial Regex PublishedDeployFile();
}
