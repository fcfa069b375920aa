using CxLive.Contracts.Agents;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Agents;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>Enum-like settings are taken in any case and in either spelling; anything else is refused naming what is accepted.</summary>
public sealed class EnumSettingsTests
{
    private static OutreachOptions Outreach(string routing)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outreach:Routing"] = routing }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCxGrains();
        return services.BuildServiceProvider().GetRequiredService<IOptions<OutreachOptions>>().Value;
    }

    [Theory]
    [InlineData("round-robin", "round-robin")]
    [InlineData("RoundRobin", "round-robin")]
    [InlineData("Least-Loaded", "least-loaded")]
    public void Routing_is_taken_in_any_spelling(string written, string meant)
    {
        Assert.Equal(meant, Outreach(written).Routing);
    }

    [Fact]
    public void Unknown_routing_is_refused_naming_the_accepted_values()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Outreach("random"));

        Assert.Contains("least-loaded or round-robin", e.Message);
    }
}
