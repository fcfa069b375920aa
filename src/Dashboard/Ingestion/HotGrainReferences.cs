using CxLive.Contracts.Customers;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Customers;
using CxLive.Grains.Touchpoints;
using Orleans.Runtime;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Customer and touchpoint references for the ingest path. <c>GetGrain&lt;T&gt;(key)</c> asks
/// Orleans to map the interface to its grain type on every call, and that reads the interface's
/// attributes by reflection: 5 % of the silo's CPU under HTTP ingest (dotnet-trace,
/// docs/benchmark-log.md). Here the mapping is resolved once and each reference is built from its id.
/// </summary>
public sealed class HotGrainReferences(IGrainFactory grains)
{
    private readonly (GrainType Type, GrainInterfaceType Interface) _customer = Resolve(grains.GetGrain<ICustomerGrain>("-"));
    private readonly (GrainType Type, GrainInterfaceType Interface) _touchpoint = Resolve(grains.GetGrain<ITouchpointGrain>("-"));

    public ICustomerGrain Customer(string customerId) => (ICustomerGrain)Get(_customer, customerId);

    public ITouchpointGrain Touchpoint(string touchpoint) => (ITouchpointGrain)Get(_touchpoint, touchpoint);

    private IAddressable Get((GrainType Type, GrainInterfaceType Interface) kind, string key) =>
        grains.GetGrain(GrainId.Create(kind.Type, IdSpan.Create(key)), kind.Interface);

    private static (GrainType, GrainInterfaceType) Resolve(IAddressable sample)
    {
        var reference = (GrainReference)sample;
        return (reference.GrainId.Type, reference.InterfaceType);
    }
}
