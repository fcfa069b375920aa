using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Security;
using CxLive.Grains.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// What <c>dotnet CxLive.Silo.dll</c> does besides running: <c>--help</c>, <c>new-api-key NAME</c>,
/// <c>hash-password</c>. Anything else (settings such as <c>--urls</c> or <c>--Orleans:ServiceId=x</c>,
/// and <c>--demo</c>) starts CxLive.
/// </summary>
public static class Commands
{
    public const int Usage = 2;

    /// <summary>Runs the command <paramref name="args"/> name, if they name one; false means "start CxLive".</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Any(a => a is "--help" or "-h" or "-?" or "help"))
        {
            Console.Out.Write(Help);
            return true;
        }

        switch (args)
        {
            case ["new-api-key", var integrator] when !integrator.StartsWith('-'):
                ApiKeyCommand.Print(integrator);
                return true;
            case ["new-api-key", ..]:
                exitCode = Refuse("new-api-key takes one argument, the integrator's name: new-api-key acme-web");
                return true;
            case ["hash-password"]:
                exitCode = PasswordCommand.Run(Console.In, Console.Out, Console.Error, Console.IsInputRedirected);
                return true;
            case ["hash-password", ..]:
                exitCode = Refuse("hash-password takes no argument (a password on the command line stays in the shell's history and shows in ps): run it alone and type the password, or pipe it in");
                return true;
            case [var word, ..] when !word.StartsWith('-') && !word.Contains('='):
                exitCode = Refuse($"unknown command '{word}'. Commands: new-api-key NAME, hash-password; --help lists them and the main settings");
                return true;
            default:
                return false;
        }
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine("cxlive: " + message);
        return Usage;
    }

    public const string Help = """
        CxLive: real-time customer-experience monitoring (an Orleans silo with its APIs, hub and pages).

        Usage:
          dotnet CxLive.Silo.dll [--demo] [--urls URL] [--Section:Setting=value ...]   run CxLive
          dotnet CxLive.Silo.dll new-api-key NAME    make an integrator's API key; prints it once, and its Security:ApiKeys entry
          dotnet CxLive.Silo.dll hash-password       ask for a password (not echoed); prints its Security:Users hash
          dotnet CxLive.Silo.dll --help              this text

        Every setting can be given in appsettings.Production.json, as an environment variable
        (sections joined by __) or on the command line (--Section:Setting=value). The main ones:

          ASPNETCORE_ENVIRONMENT                  Production unless set; outside Development CxLive refuses to start
                                                  with nobody able to sign in (Security:Users or Security:Oidc)
          ASPNETCORE_URLS / --urls                where HTTP, the hub and the pages listen (http://localhost:5000)
          ConnectionStrings__Redis                host:port[,password=...]: Redis mode (durable state, many silos);
                                                  unset: embedded mode, everything in memory
          Orleans__ServiceId, Orleans__ClusterId  which cluster this silo joins (both cxlive)
          Orleans__Endpoints__SiloPort            silo-to-silo port (11111)
          Orleans__Endpoints__GatewayPort         Orleans client port (30000)
          Orleans__Endpoints__AdvertisedIPAddress the address other silos reach this one at (127.0.0.1)
          Security__ApiKeys__0__Name, __Sha256    integrators' keys (new-api-key prints them)
          Security__Users__0__Name, __PasswordHash, __Roles__0
                                                  people who sign in (hash-password prints the hash)
          Privacy__PseudonymKey                   32+ characters: replaces customer ids by pseudonyms; make it once
                                                  and keep it (a new key splits every customer's history in two)

        A setting CxLive cannot use stops the start with one line naming it, and exit code 78.
        Every setting: docs/configuration.md. Installing and running: docs/operations.md.

        """;
}
