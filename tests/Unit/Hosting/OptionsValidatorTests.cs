using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Experience;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Demo;
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
    /// Settings that started cleanly and then did something else than asked, without a word: a
    /// negative capacity, a prompt's time to live of zero (withdrawn at the next minute's look) or past
    /// what a date holds, a valence of -20 that counted as -10, a back-test limit of 0 that refused every
    /// back-test, a redelivery window that passed nothing on, a retention that forgot every resolved alert.
    /// </summary>
    [Theory]
    [InlineData("Outreach:Capacity is -1: it must be 0 or more", "Outreach:Capacity=-1")]
    [InlineData("Outreach:Agents:0:Capacity is -1: it must be 0 or more (0: li.na is routed no prompt, and a supervisor may still give them one)", "Outreach:Agents:0:Id=li.na", "Outreach:Agents:0:Capacity=-1")]
    [InlineData("Outreach:TimeToLive:detractor is 00:00:00: it must be from 00:01:00 to 365.00:00:00", "Outreach:TimeToLive:detractor=00:00:00")]
    [InlineData("Outreach:TimeToLive:complaint is 3650.00:00:00: it must be from 00:01:00 to 365.00:00:00", "Outreach:TimeToLive:complaint=3650.00:00:00")]
    [InlineData("Experience:Valences:complaint is -20: it must be from -10 (awful) to +10 (delightful)", "Experience:Valences:complaint=-20")]
    [InlineData("Experience:Valences:search:failure is 10.5: it must be from -10 (awful) to +10 (delightful)", "Experience:Valences:search:failure=10.5")]
    [InlineData("Experience:Valences:payment:abandoned is never read: after the type comes only :failure (failed and abandoned moments alike), or search:no-results", "Experience:Valences:payment:abandoned=-6")]
    [InlineData("Experience:Valences:Search:failure is never read: interaction types are matched as written (did you mean search?)", "Experience:Valences:Search:failure=-4")]
    [InlineData("Experience:Valences:survey cannot be set: a survey's valence is worked out from its answer", "Experience:Valences:survey=-2")]
    [InlineData("Customers:DeadlineRecheck is 00:00:00: it must be from 00:00:01 to 01:00:00", "Customers:DeadlineRecheck=00:00:00")]
    [InlineData("Customers:DeadlineRecheck is 02:00:00: it must be from 00:00:01 to 01:00:00", "Customers:DeadlineRecheck=02:00:00")]
    [InlineData("Customers:RedeliveryWindow is -00:01:00: it must be from 00:00:00 to 1.00:00:00", "Customers:RedeliveryWindow=-00:01:00")]
    [InlineData("Alerts:ResolvedRetention is 00:00:00: it must be more than 00:00:00 and at most 3650.00:00:00", "Alerts:ResolvedRetention=00:00:00")]
    [InlineData("Ingestion:MaxBacktestItems must be at least 1", "Ingestion:MaxBacktestItems=0")]
    [InlineData("Ingestion:MaxBacktestBytes must be from 1024 to 2147483591", "Ingestion:MaxBacktestBytes=100")]
    [InlineData("Ingestion:MaxRequestBytes must be from 1024 to 2147483591", "Ingestion:MaxRequestBytes=3000000000")]
    public void A_setting_that_would_quietly_do_something_else_is_refused_naming_it(string expected, params string[] settings)
    {
        var configured = settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => (string?)s[1]);
        var message = settings[0].Split(':')[0] switch
        {
            OutreachOptions.Section => Refusal<OutreachOptions>(configured),
            ExperienceOptions.Section => Refusal<ExperienceOptions>(configured),
            CustomerOptions.Section => Refusal<CustomerOptions>(configured),
            AlertOptions.Section => Refusal<AlertOptions>(configured),
            _ => Refusal<IngestionOptions>(configured),
        };

        Assert.Contains(expected, message);
    }

    [Fact]
    public void A_capacity_of_0_is_taken_an_agent_routed_nothing_whom_a_supervisor_may_still_give_alerts()
    {
        var options = new OutreachOptions { Capacity = 0, Agents = [new AgentOptions { Id = "li.na", Capacity = 0 }] };

        Assert.True(new OutreachOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Stream_and_demo_settings_the_process_could_not_run_with_are_refused_together()
    {
        // An IdlePoll of 30 days started cleanly and threw at the first idle read (a wait past 24.8 days).
        var stream = new StreamOptionsValidator().Validate(null, new StreamOptions { IdlePoll = TimeSpan.FromDays(30), TrimEvery = TimeSpan.FromSeconds(-1), AppendTimeout = TimeSpan.Zero });
        Assert.Equal(
        [
            "RedisStreams:IdlePoll must be from 00:00:00.001 to 00:01:00",
            "RedisStreams:TrimEvery must be from 00:00:00 (no trimming) to 1.00:00:00",
            "RedisStreams:AppendTimeout must be from 00:00:00.010 to 00:01:00",
        ], stream.Failures);
        Assert.True(new StreamOptionsValidator().Validate(null, new StreamOptions { TrimEvery = TimeSpan.Zero }).Succeeded); // zero: trimming off

        var demo = new DemoOptionsValidator().Validate(null, new DemoOptions { Customers = 0, SessionsPerSecond = double.PositiveInfinity, BadExperienceRate = 1.5, Tick = TimeSpan.Zero });
        Assert.Equal(
        [
            "Demo:Customers must be at least 1",
            "Demo:SessionsPerSecond must be more than 0 and at most 10000",
            "Demo:BadExperienceRate must be from 0 to 1 (a share of sessions)",
            "Demo:Tick must be from 00:00:00.001 to 01:00:00",
        ], demo.Failures);
        Assert.True(new DemoOptionsValidator().Validate(null, new DemoOptions()).Succeeded);
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
        Assert.Contains("Ingestion:MaxRequestBytes must be from 1024 to 2147483591", Refusal<IngestionOptions>("Ingestion:MaxRequestBytes", "10"));
        Assert.Contains("Ingestion:MaxEventAge must be positive", Refusal<IngestionOptions>("Ingestion:MaxEventAge", "00:00:00"));
    }
}
