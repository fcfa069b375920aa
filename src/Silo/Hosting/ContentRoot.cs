using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Where settings (<c>appsettings*.json</c>) and pages are read from: the folder the program is in,
/// wherever it is started from (<c>dotnet /opt/cxlive/CxLive.Silo.dll</c> from any directory), unless
/// the working directory holds its own <c>appsettings.json</c> (<c>dotnet run</c> in the project) or a
/// content root is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, a test host's).
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        var useProgramFolder = !given
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useProgramFolder ? AppContext.BaseDirectory : null };
    }
}
