using CxLive.Grains.Hosting;

namespace CxLive.Dashboard.Hosting;

/// <summary>The one switch CxLive adds to ASP.NET Core's command line: <c>--demo</c>.</summary>
public static class CommandLine
{
    public const string DemoSwitch = "--demo";

    /// <summary>
    /// Takes <c>--demo</c> out of the arguments (ASP.NET Core would read the next argument as its
    /// value) and turns it into <c>Demo:Enabled=true</c>.
    /// </summary>
    public static (string[] Remaining, Dictionary<string, string?> Settings) Split(string[] args)
    {
        var demo = args.Contains(DemoSwitch, StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !a.Equals(DemoSwitch, StringComparison.OrdinalIgnoreCase)).ToArray();
        var settings = new Dictionary<string, string?>();
        if (demo)
        {
            settings["Demo:Enabled"] = "true";
        }

        return (rest, settings);
    }
}
