using Orleans.Runtime;

namespace CxLive.Contracts.Grains;

/// <summary>
/// Grain references without Orleans' per-call interface lookup. <c>GetGrain&lt;T&gt;(key)</c> maps
/// the interface to its grain type on every call, reading the interface's attributes by reflection
/// and formatting its type name: 7.5 % of an embedded silo's CPU while alerts were routed to agents
/// (perf, docs/benchmark-log.md). Here the mapping is resolved once per interface, by the first
/// ordinary <c>GetGrain</c>, and every later reference is built from its id. The mapping is the same
/// on every silo and client of one build, so it is kept per process.
/// </summary>
public static class GrainRefs
{
    public static T Ref<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey =>
        Kind<T>.Known is { } kind
            ? (T)grains.GetGrain(GrainId.Create(kind.Type, IdSpan.Create(key)), kind.Interface)
            : Kind<T>.Learn(grains.GetGrain<T>(key));

    public static T Ref<T>(this IGrainFactory grains, long key) where T : IGrainWithIntegerKey =>
        Kind<T>.Known is { } kind
            ? (T)grains.GetGrain(GrainId.Create(kind.Type, GrainIdKeyExtensions.CreateIntegerKey(key)), kind.Interface)
            : Kind<T>.Learn(grains.GetGrain<T>(key));

    private sealed record Mapping(GrainType Type, GrainInterfaceType Interface);

    private static class Kind<T>
    {
        /// <summary>A reference to one object, so another thread reads it whole or not at all.</summary>
        public static Mapping? Known;

        /// <summary>
        /// Remembers the mapping of a reference Orleans made. A client that does not know the cluster's
        /// grain types yet gets a provisional system type: that one is not remembered.
        /// </summary>
        public static T Learn(T sample)
        {
            var reference = (GrainReference)(object)sample!;
            if (!reference.GrainId.Type.ToString()!.StartsWith(GrainTypePrefix.SystemPrefix, StringComparison.Ordinal))
            {
                Known = new Mapping(reference.GrainId.Type, reference.InterfaceType);
            }

            return sample;
        }
    }
}
