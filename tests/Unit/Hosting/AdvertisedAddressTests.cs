using System.Net;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>Orleans:Endpoints:AdvertisedIPAddress as the deployment files give it.</summary>
public sealed class AdvertisedAddressTests
{
    [Fact]
    public void Unset_is_loopback_for_silos_on_one_machine() => Assert.Equal(IPAddress.Loopback, OrleansHosting.AdvertisedAddress(null));

    [Fact]
    public void A_pod_IP_from_the_downward_API_is_taken_as_it_is() => Assert.Equal(IPAddress.Parse("10.244.1.17"), OrleansHosting.AdvertisedAddress("10.244.1.17"));

    [Fact]
    public void A_host_name_as_compose_gives_each_silo_resolves_to_its_IPv4_address() => Assert.Equal(IPAddress.Loopback, OrleansHosting.AdvertisedAddress("localhost"));

    [Fact]
    public void A_name_that_does_not_resolve_stops_the_start_naming_the_setting()
    {
        var refused = Assert.Throws<ConfigurationError>(() => OrleansHosting.AdvertisedAddress("no-such-silo.invalid"));
        Assert.StartsWith("Orleans:Endpoints:AdvertisedIPAddress 'no-such-silo.invalid'", refused.Message);
    }
}
