using System.Reflection;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using CxLive.Grains.Storage;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit.Abstractions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// What stored data and the wire depend on keeps its name when classes are renamed: grain types
/// (part of every storage key and reminder), grain interfaces (in every message between silos of two
/// versions) and state types (inside every stored state). A customer state written by this version,
/// checked in as bytes, is read back by the grain.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StableNamesTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly string Sample = Path.Combine(Repository.Root, "tests/Integration/Grains/Samples/customer-state.b64");

    [Fact]
    public void Every_grain_class_names_its_grain_type_and_every_grain_interface_its_alias()
    {
        var grainClasses = typeof(CustomerGrain).Assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var interfaces = typeof(ICustomerGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && t.Name.EndsWith("Grain", StringComparison.Ordinal)).ToList();
        var resolver = fixture.Cluster.Client.ServiceProvider.GetRequiredService<GrainInterfaceTypeResolver>();
        foreach (var type in interfaces)
        {
            output.WriteLine($"{type.Name}: {resolver.GetGrainInterfaceType(type)}");
        }

        Assert.NotEmpty(grainClasses);
        Assert.All(grainClasses, t => Assert.True(t.GetCustomAttribute<GrainTypeAttribute>() is not null, $"{t.Name} has no [GrainType]: renaming it would orphan its stored state"));
        Assert.All(interfaces, t => Assert.True(t.GetCustomAttribute<AliasAttribute>() is not null, $"{t.Name} has no [Alias]: renaming it would break calls between silos of two versions"));
        Assert.Equal("customer", fixture.Grains.GetGrain<ICustomerGrain>("x").GetGrainId().Type.ToString());
    }

    [Fact]
    public async Task A_customer_state_written_in_the_current_format_is_read_by_the_grain()
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        if (!File.Exists(Sample))
        {
            var state = new CustomerState();
            var options = new CustomerOptions();
            var at = ClusterFixture.Start;
            for (var n = 0; n < 3; n++)
            {
                state.TryRecord(Interactions.Make("sample-customer", at.AddMinutes(n), InteractionTypes.PageView, id: $"sample-{n}"), options, at.AddMinutes(n));
            }

            File.WriteAllText(Sample, Convert.ToBase64String(serializer.SerializeToArray(state)));
            Assert.Fail($"wrote {Sample}: check it in");
        }

        var stored = serializer.Deserialize<CustomerState>(Convert.FromBase64String(File.ReadAllText(Sample).Trim()))!;
        Assert.Equal(3, stored.InteractionCount);

        // Put it where the grain's storage keeps it, under the grain's stable type, and ask the grain.
        var customer = Interactions.NewCustomer();
        var storage = fixture.Cluster.Silos[0].ServiceProvider!.GetRequiredKeyedService<IGrainStorage>(StorageNames.Customers);
        await storage.WriteStateAsync("customer", GrainId.Create("customer", customer), new GrainState<CustomerState>(stored));
        var snapshot = await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetSnapshotAsync();
        Assert.Equal(3, snapshot.InteractionCount);
    }
}
