namespace CxLive.Dashboard.Api;

/// <summary>Ids taken from a URL path.</summary>
public static class PathIds
{
    /// <summary>
    /// An id with a slash in it (<c>web/search</c>, a customer id) arrives as <c>%2F</c> when the
    /// client encodes it (the pages use encodeURIComponent, generated clients encode path
    /// parameters), and routing leaves that escaped (it would otherwise split the path): decoded here.
    /// </summary>
    public static string Unescaped(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
