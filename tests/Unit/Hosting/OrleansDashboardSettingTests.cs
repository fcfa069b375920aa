using CxLive.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>
/// Orleans' dashboard is served by a silo's web tier: a compute-only silo could show it to no one,
/// yet collected for it (about 1 µs of CPU per activation per second) until told otherwise.
/// </summary>
public sealed class OrleansDashboardSettingTests
{
    [Theory]
    [InlineData(null, null, true)]      // a silo that serves the web: on
    [InlineData("false", null, false)]  // compute only: nobody can open it
    [InlineData("false", "true", true)] // compute only, on the dashboard of the silos that serve it
    [InlineData(null, "false", false)]
    public void The_dashboard_runs_where_it_is_served_unless_set(string? web, string? dashboard, bool runs)
    {
        var settings = new Dictionary<string, string?>();
        if (web is not null)
        {
            settings["Web:Enabled"] = web;
        }

        if (dashboard is not null)
        {
            settings["OrleansDashboard:Enabled"] = dashboard;
        }

        Assert.Equal(runs, OrleansHosting.OrleansDashboardEnabled(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }
}
