namespace CxLive.Grains.Telemetry;

/// <summary>
/// Section <c>Telemetry</c>. The meter's name only needs changing where several CxLive apps share
/// one process (the tests): metric listeners find meters by name process-wide, so each app's
/// exporter would otherwise see the others' instruments under the same names.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public string MeterName { get; set; } = CxMetrics.MeterName;
}
