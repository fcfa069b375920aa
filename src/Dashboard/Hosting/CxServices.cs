using CxLive.Agents;
using CxLive.Alerts;
using CxLive.Customers;
using CxLive.Detection;
using CxLive.Experience;
using CxLive.Ingestion;
using CxLive.Storage;
using CxLive.Telemetry;
using CxLive.Webhooks;
using Microsoft.Extensions.Options;

namespace CxLive.Hosting;

/// <summary>The services grains and APIs need, with every options class bound to its section and checked at start.</summary>
public static class CxServices
{
    public static IServiceCollection AddCxCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<CxMetrics>();
        services.AddSingleton<BookRecords>();
        services.AddSingleton<DeskRecords>();
        services.AddSingleton(sp => new ClusterAlerts(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value.Partitions));
        services.AddOptions<ExperienceOptions>().BindConfiguration(ExperienceOptions.Section)
            .Validate(o => o.EpisodeGap > TimeSpan.Zero && o.HalfLife > TimeSpan.Zero, "Experience:EpisodeGap and Experience:HalfLife must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => CustomerDetectors.Catalogue(new ExperienceModel(sp.GetRequiredService<IOptions<ExperienceOptions>>().Value)));
        services.AddSingleton<LiveRuleBookSource>();
        services.AddSingleton<IRuleBookSource>(sp => sp.GetRequiredService<LiveRuleBookSource>());
        services.AddHostedService<RuleBookWatcher>();
        services.AddSingleton<IValidateOptions<DetectionOptions>, DetectionOptionsValidator>();
        services.AddOptions<DetectionOptions>().BindConfiguration(DetectionOptions.Section).ValidateOnStart();

        services.AddOptions<Insights.InsightsOptions>().BindConfiguration(Insights.InsightsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Insights.InsightsOptions>, Insights.InsightsOptionsValidator>();
        services.AddOptions<CustomerOptions>().BindConfiguration(CustomerOptions.Section)
            .Validate(o => o.TimelineCapacity >= 1, "Customers:TimelineCapacity must be at least 1")
            .Validate(o => o.DedupCapacity >= 1, "Customers:DedupCapacity must be at least 1")
            .Configure<IConfiguration>((o, configuration) => o.Retention = configuration.GetValue<TimeSpan?>("Privacy:CustomerRetention"))
            .ValidateOnStart();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .Validate(o => o.Partitions is >= 1 and <= 1024, "Alerts:Partitions must be from 1 to 1024")
            .Validate(o => o.ResolvedKept >= 0, "Alerts:ResolvedKept must not be negative")
            .Validate(o => o.EvidenceKept >= 1, "Alerts:EvidenceKept must be at least 1")
            .Validate(o => o.BudgetPerCustomerPerDay >= 1, "Alerts:BudgetPerCustomerPerDay must be at least 1")
            .Validate(o => o.EscalateAfter > TimeSpan.Zero && o.ExpireAfter > TimeSpan.Zero && o.IncidentLookback >= TimeSpan.Zero, "Alerts:EscalateAfter and ExpireAfter must be positive, IncidentLookback not negative")
            .ValidateOnStart();
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.Section)
            // Like every enum-like setting, any case and the configuration spelling (RoundRobin) are taken.
            .PostConfigure(o => o.Routing = new[] { OutreachOptions.LeastLoaded, OutreachOptions.RoundRobin }
                .FirstOrDefault(r => string.Equals(r.Replace("-", ""), o.Routing.Replace("-", ""), StringComparison.OrdinalIgnoreCase)) ?? o.Routing)
            .Validate(o => o.Routing is OutreachOptions.LeastLoaded or OutreachOptions.RoundRobin, "Outreach:Routing must be least-loaded or round-robin")
            .Validate(o => o.Agents.All(a => a.Id.Length > 0) && o.Agents.Select(a => a.Id).Distinct().Count() == o.Agents.Count, "Outreach:Agents need an Id each, all different")
            .Validate(o => o.TimelineInPrompt >= 0 && o.ReportedKept >= 0, "Outreach:TimelineInPrompt and ReportedKept must not be negative")
            .ValidateOnStart();
        services.AddOptions<CheckpointOptions>().BindConfiguration(CheckpointOptions.Section)
            .Validate(o => o.Delay == Timeout.InfiniteTimeSpan || (o.Delay > TimeSpan.Zero && o.Delay <= TimeSpan.FromDays(49)), "Checkpoint:Delay must be positive and at most 49 days (the longest grain timer)")
            .ValidateOnStart();
        services.AddCxWebhooks();
        return services;
    }

    public static IServiceCollection AddCxIngestion(this IServiceCollection services)
    {
        services.AddSingleton<HotGrainReferences>();
        services.AddSingleton<InteractionDispatcher>();
        services.AddSingleton<InFlightBatches>();
        services.AddHostedService<GracefulShutdown>();
        // Long enough for the drain above, the stream consumer's last checkpoint and the silo's leaving.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        services.AddOptions<Privacy.PrivacyOptions>().BindConfiguration(Privacy.PrivacyOptions.Section)
            .Validate(o => o.PseudonymKey is null || o.PseudonymKey.Length >= 32, "Privacy:PseudonymKey must be at least 32 characters (a random secret; losing it changes every pseudonym)")
            .Validate(o => o.CustomerRetention is null || o.CustomerRetention > TimeSpan.Zero, "Privacy:CustomerRetention must be positive")
            .ValidateOnStart();
        services.AddSingleton<Privacy.PrivacyRules>();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section)
            .Validate(o => o.MaxItemsPerRequest >= 1, "Ingestion:MaxItemsPerRequest must be at least 1")
            .Validate(o => o.MaxRequestBytes >= 1024, "Ingestion:MaxRequestBytes must be at least 1024")
            .Validate(o => o.MaxClockSkew >= TimeSpan.Zero, "Ingestion:MaxClockSkew must not be negative")
            .Validate(o => o.MaxEventAge > TimeSpan.Zero, "Ingestion:MaxEventAge must be positive")
            .ValidateOnStart();
        return services;
    }
}
