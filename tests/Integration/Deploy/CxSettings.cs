using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Redis;
using CxLive.Dashboard.Security;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Detection;
using CxLive.Grains.Experience;
using CxLive.Grains.Storage;
using CxLive.Grains.Telemetry;
using CxLive.Silo.Demo;
using CxLive.Silo.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;

namespace CxLive.Tests.Integration.Deploy;

/// <summary>
/// Is a name a setting CxLive reads? Sections bound to options classes are walked property by
/// property as CxLive's start-up check walks them (<see cref="UnknownSettings"/>); the few read by
/// name are listed as CxLive's code reads them.
/// </summary>
public static class CxSettings
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [IngestionOptions.Section] = typeof(IngestionOptions),
        [CustomerOptions.Section] = typeof(CustomerOptions),
        [DetectionOptions.Section] = typeof(DetectionOptions),
        [ExperienceOptions.Section] = typeof(ExperienceOptions),
        [AlertOptions.Section] = typeof(AlertOptions),
        [OutreachOptions.Section] = typeof(OutreachOptions),
        [CheckpointOptions.Section] = typeof(CheckpointOptions),
        [DemoOptions.Section] = typeof(DemoOptions),
        [StreamOptions.Section] = typeof(StreamOptions),
        [SecurityOptions.Section] = typeof(SecurityOptions),
        [PrivacyOptions.Section] = typeof(PrivacyOptions),
        [TelemetryOptions.Section] = typeof(TelemetryOptions),
        [ShutdownDrainOptions.Section] = typeof(ShutdownDrainOptions), // the section's other settings are read by name, below
        [CxLive.Grains.Webhooks.WebhookOptions.Section] = typeof(CxLive.Grains.Webhooks.WebhookOptions),
        ["Orleans:Membership"] = typeof(ClusterMembershipOptions),
        ["Orleans:Messaging"] = typeof(SiloMessagingOptions),
        ["Logging:Console"] = typeof(ConsoleLoggerOptions),
        ["Logging:Console:FormatterOptions"] = typeof(JsonConsoleFormatterOptions),
    };

    /// <summary>Read by name: ASP.NET Core's host settings, Redis mode's switch, and what OrleansHosting reads.</summary>
    private static readonly HashSet<string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_URLS",
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
        $"ConnectionStrings:{RedisMode.ConnectionName}",
        "Orleans:ServiceId",
        "Orleans:ClusterId",
        "Orleans:Endpoints:SiloPort",
        "Orleans:Endpoints:GatewayPort",
        "Orleans:Endpoints:AdvertisedIPAddress",
        "OrleansDashboard:Enabled",
        WebTier.EnabledSetting,
        "Shutdown:LeaveTimeout",
        "Shutdown:ExitAfter",
        KeysAtRest.CertificateSetting,
        KeysAtRest.PasswordSetting,
    };

    /// <summary>An environment variable's name (sections joined by <c>__</c>) as a configuration key.</summary>
    public static bool IsSetting(string environmentVariable)
    {
        var key = environmentVariable.Replace("__", ":");
        if (ByName.Contains(key) || key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Walked as the start-up check walks it (UnknownSettings): a name it would refuse is no setting.
        var section = Sections.Keys.Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)).MaxBy(s => s.Length);
        return section is not null && UnknownSettings.Describe(
            new ConfigurationBuilder().AddInMemoryCollection([new(key, "set")]).Build(), [(section, Sections[section])]) is null;
    }
}
