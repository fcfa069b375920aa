namespace CxLive.Dashboard.Security;

/// <summary><c>dotnet CxLive.Silo.dll new-api-key NAME</c>: makes a key, prints it once, and the configuration that admits it (its hash only).</summary>
public static class ApiKeyCommand
{
    public static void Print(string integrator)
    {
        var key = ApiKeyHash.NewKey();
        Console.WriteLine($"API key for {integrator} (give it to the integrator; it is not stored anywhere):");
        Console.WriteLine();
        Console.WriteLine($"  {key}");
        Console.WriteLine();
        Console.WriteLine("Add this to Security:ApiKeys (appsettings.json, or the environment as shown):");
        Console.WriteLine();
        Console.WriteLine($"  {{ \"Name\": \"{integrator}\", \"Sha256\": \"{ApiKeyHash.Of(key)}\" }}");
        Console.WriteLine();
        Console.WriteLine($"  Security__ApiKeys__0__Name={integrator}");
        Console.WriteLine($"  Security__ApiKeys__0__Sha256={ApiKeyHash.Of(key)}");
    }
}
