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
    private static string Refusal<TOptions>(string key, string value) where TOptions : class =>
        Refusal<TOptions>(new Dictionary<string, string?> { [key] = value });

    private static string Refusal<TOptions>(Dictionary<string, string?> settings) where TOptions : class
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
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
    /// Settings that started cleanly and then did something else than asked, without a word: an agent
    /// of capacity 0 was never given a prompt, a time to live of zero withdrew every prompt of its rule
    /// as it was made, a valence of -20 counted as -10, a back-test limit of 0 refused every back-test.
    /// </summary>
    [Theory]
    [InlineData("Outreach:Capacity is 0: it must be at least 1", "Outreach:Capacity=0")]
    [InlineData("Outreach:Agents:0:Capacity is 0: it must be at least 1 (to take li.na out of outreach, remove her from Outreach:Agents)", "Outreach:Agents:0:Id=li.na", "Outreach:Agents:0:Capacity=0")]
    [InlineData("Outreach:TimeToLive:detractor is 00:00:00: it must be more than 00:00:00: a prompt withdrawn as soon as it is made never reaches an agent", "Outreach:TimeToLive:detractor=00:00:00")]
    [InlineData("Experience:Valences:complaint is -20: it must be from -10 (awful) to +10 (delightful)", "Experience:Valences:complaint=-20")]
    [InlineData("Experience:Valences:search:failure is 10.5: it must be from -10 (awful) to +10 (delightful)", "Experience:Valences:search:failure=10.5")]
    [InlineData("Customers:DeadlineRecheck is 00:00:00: it must be from 00:00:01 to 01:00:00", "Customers:DeadlineRecheck=00:00:00")]
    [InlineData("Ingestion:MaxBacktestItems must be at least 1", "Ingestion:MaxBacktestItems=0")]
    [InlineData("Ingestion:MaxBacktestBytes must be at least 1024", "Ingestion:MaxBacktestBytes=100")]
    public void A_setting_that_would_quietly_do_something_else_is_refused_naming_it(string expected, params string[] settings)
    {
        var configured = settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => (string?)s[1]);
        var message = settings[0].Split(':')[0] switch
        {
            OutreachOptions.Section => Refusal<OutreachOptions>(configured),
            ExperienceOptions.Section => Refusal<ExperienceOptions>(configured),
            CustomerOptions.Section => Refusal<CustomerOptions>(configured),
            _ => Refusal<IngestionOptions>(configured),
        };

        Assert.Contains(expected, message);
    }

    /// <summary>
    /// A deadline reminder's period shorter than Orleans' minimum (one minute) would be refused when a
    /// customer registers it: the minimum follows it down, and only down.
    /// </summary>
    [Theory]
    [InlineData("00:00:05", "00:00:05")]
    [InlineData("00:10:00", "00:01:00")]
    public void A_short_deadline_recheck_lowers_the_shortest_reminder_period_Orleans_takes(string recheck, string minimum)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Customers:DeadlineRecheck"] = recheck }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCxGrains();

        Assert.Equal(TimeSpan.Parse(minimum), services.BuildServiceProvider().GetRequiredService<IOptions<Orleans.Hosting.ReminderOptions>>().Value.MinimumReminderPeriod);
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
