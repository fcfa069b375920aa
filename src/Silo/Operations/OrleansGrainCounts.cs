using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CxLive.Dashboard.Operations;

namespace CxLive.Silo.Operations;

/// <summary>
/// This silo's activations by grain class, as Orleans counts them itself: its meter
/// (<c>Microsoft.Orleans</c>) publishes <c>orleans-grains</c>, an up-down counter tagged with the grain
/// type (<c>grain_type</c>: "customer", or <c>type</c> in older versions) that moves on every
/// activation and deactivation. Listening to it replaces asking the management grain every 15 s, a
/// call across the silo that only repeated what Orleans already knew. The constructor's className
/// turns Orleans' grain type into the class name the gauge has always shown ("CustomerGrain").
/// Only the meter of this silo's own <see cref="IMeterFactory"/> counts (or a process-wide one), so
/// silos sharing a process (tests) each see their own.
/// </summary>
public sealed class OrleansGrainCounts : IDisposable
{
    public const string MeterName = "Microsoft.Orleans";
    public const string InstrumentName = "orleans-grains";

    private readonly ConcurrentDictionary<string, int> _byType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Func<string, string> _className;
    private readonly MeterListener _listener = new();

    public OrleansGrainCounts(IMeterFactory meters, Func<string, string> className)
    {
        _className = className;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, delta, tags, _) => Add(delta, tags));
        _listener.SetMeasurementEventCallback<long>((_, delta, tags, _) => Add((int)delta, tags));
        _listener.Start();
    }

    /// <summary>Active grains by type ("CustomerGrain"); types with none left are not listed.</summary>
    public IEnumerable<KeyValuePair<string, int>> ByType() => _byType.Where(pair => pair.Value > 0);

    public void Dispose() => _listener.Dispose();

    private void Add(int delta, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key is "grain_type" or "type" && tag.Value is string grainType)
            {
                var name = _names.GetOrAdd(grainType, _className);
                _byType.AddOrUpdate(name, delta, (_, count) => count + delta);
                return;
            }
        }
    }
}
