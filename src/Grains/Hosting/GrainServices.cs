using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Detection;
using CxLive.Grains.Experience;
using CxLive.Grains.Insights;
using CxLive.Grains.Storage;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace CxLive.Grains.Hosting;

/// <summary>
/// What the grains need, registered by the grains' own project: every grain-side options class
/// bound to its section and checked at start by the validator beside it, the detector catalogue,
/// the live rule book and its watcher, the records of partitions and desks, the metrics, and the
/// grain side of webhooks (the HTTP transport is the host's: <c>AddCxWebhooks</c>). A silo, a web
/// front and a test cluster all call this one method.
/// </summary>
public static class GrainServices
{
    public static IServiceCollection AddCxGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<CxMetrics>();
        services.AddSingleton<BookRecords>();
        services.AddSingleton<DeskRecords>();
        services.AddSingleton(sp => new ClusterAlerts(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value.Partitions));

        services.AddValidated<ExperienceOptions, ExperienceOptionsValidator>(ExperienceOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.Valences = ExperienceOptions.ReadValences(configuration.GetSection($"{ExperienceOptions.Section}:{nameof(ExperienceOptions.Valences)}")));
        services.AddSingleton(sp => CustomerDetectors.Catalogue(new ExperienceModel(sp.GetRequiredService<IOptions<ExperienceOptions>>().Value)));
        services.AddSingleton<LiveRuleBookSource>();
        services.AddSingleton<IRuleBookSource>(sp => sp.GetRequiredService<LiveRuleBookSource>());
        services.AddHostedService<RuleBookWatcher>();
        services.AddValidated<DetectionOptions, DetectionOptionsValidator>(DetectionOptions.Section);
        services.AddValidated<InsightsOptions, InsightsOptionsValidator>(InsightsOptions.Section);
        services.AddValidated<CustomerOptions, CustomerOptionsValidator>(CustomerOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.Retention = configuration.GetValue<TimeSpan?>("Privacy:CustomerRetention"));
        // A deadline reminder's period below Orleans' minimum would be refused at its registration (after
        // any other configuration of the minimum, so none raises it above the period again).
        services.AddOptions<ReminderOptions>().PostConfigure<IOptions<CustomerOptions>>((reminders, customers) =>
            reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminders.MinimumReminderPeriod.Ticks, customers.Value.DeadlineRecheck.Ticks)));
        services.AddValidated<AlertOptions, AlertOptionsValidator>(AlertOptions.Section);
        services.AddValidated<OutreachOptions, OutreachOptionsValidator>(OutreachOptions.Section)
            // Like every enum-like setting, any case and the configuration spelling (RoundRobin) are taken.
            .PostConfigure(o => o.Routing = new[] { OutreachOptions.LeastLoaded, OutreachOptions.RoundRobin }
                .FirstOrDefault(r => string.Equals(r.Replace("-", ""), o.Routing.Replace("-", ""), StringComparison.OrdinalIgnoreCase)) ?? o.Routing);
        services.AddValidated<CheckpointOptions, CheckpointOptionsValidator>(CheckpointOptions.Section);

        services.AddValidated<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.Section);
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookHandOff>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookGauges>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WebhookWakeUp>();
        return services;
    }

    /// <summary>Bound to its section, checked at start by its validator.</summary>
    public static OptionsBuilder<TOptions> AddValidated<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
