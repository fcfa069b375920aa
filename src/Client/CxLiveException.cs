namespace CxLive.Client;

/// <summary>CxLive refused the request as a whole (or could not be reached after every try).</summary>
public sealed class CxLiveException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
