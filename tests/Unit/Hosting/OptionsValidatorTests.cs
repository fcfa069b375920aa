using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Experience;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>Each project's options are checked at start by the validator beside them, in words that name the setting.</summary>
public sealed class OptionsValidatorTests
{
    private static string Refusal<TOptions>(string key, string value) where TOptions : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCxGrains();
        services.AddCxIngestion();
        var e = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<TOptions>>().Value);
        return e.Message;
    }

    [Fact]
    public void Grain_settings_that_cannot_work_are_refused_naming_them()
    {
        Assert.Contains("Alerts:Partitions must be from 1 to 1024", Refusal<AlertOptions>("Alerts:Partitions", "0"));
        Assert.Contains("Alerts:EvidenceKept must be at least 1", Refusal<AlertOptions>("Alerts:EvidenceKept", "0"));
        Assert.Contains("Customers:TimelineCapacity must be at least 1", Refusal<CustomerOptions>("Customers:TimelineCapacity", "0"));
        Assert.Contains("Experience:EpisodeGap and Experience:HalfLife must be positive", Refusal<ExperienceOptions>("Experience:HalfLife", "00:00:00"));
        Assert.Contains("Checkpoint:Delay must be positive and at most 49 days", Refusal<CheckpointOptions>("Checkpoint:Delay", "50.00:00:00"));
        Assert.Contains("Outreach:TimelineInPrompt and ReportedKept must not be negative", Refusal<OutreachOptions>("Outreach:ReportedKept", "-1"));
    }

    /// <summary>
    /// The documented <c>"search:failure": -4</c> is a nested key to configuration: the binder made it
    /// <c>search</c> = 0, zeroing the search's valence and leaving its failure's as built in.
    /// </summary>
    [Fact]
    public void A_valence_keyed_type_and_outcome_sets_that_outcome_and_leaves_the_type_alone()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(
            """{ "Experience": { "Valences": { "search:failure": -4, "complaint": -9 } } }"""u8.ToArray())).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCxGrains();

        var valences = services.BuildServiceProvider().GetRequiredService<IOptions<ExperienceOptions>>().Value.Valences;

        Assert.Equal(new Dictionary<string, double> { ["search:failure"] = -4, ["complaint"] = -9 }, valences);
        Assert.Equal("Failed to convert configuration value 'lots' at 'Experience:Valences:search:failure' to type 'System.Double'.",
            Assert.Throws<InvalidOperationException>(() => ExperienceOptions.ReadValences(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Experience:Valences:search:failure"] = "lots" }).Build()
                .GetSection("Experience:Valences"))).Message);
    }

    [Fact]
    public void Web_tier_settings_that_cannot_work_are_refused_naming_them()
    {
        Assert.Contains("Privacy:PseudonymKey must be at least 32 characters", Refusal<PrivacyOptions>("Privacy:PseudonymKey", "short"));
        Assert.Contains("Ingestion:MaxRequestBytes must be at least 1024", Refusal<IngestionOptions>("Ingestion:MaxRequestBytes", "10"));
        Assert.Contains("Ingestion:MaxEventAge must be positive", Refusal<IngestionOptions>("Ingestion:MaxEventAge", "00:00:00"));
    }
}
