using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace CxLive.Dashboard.Ingestion;

/// <summary>Reads a whole request body, refusing it as soon as it passes the byte limit.</summary>
internal static class RequestBody
{
    /// <summary>Hands the body, contiguous, to <paramref name="parse"/> (synchronous: spans cannot cross an await).</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long maxBytes, Func<ReadOnlyMemory<byte>, T> parse)
    {
        var tooLarge = $"a request body may be at most {maxBytes} bytes (Ingestion:MaxRequestBytes)";
        if (request.ContentLength > maxBytes)
        {
            throw new BatchTooLargeException(tooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // this reader enforces the configured limit itself
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                throw new BatchTooLargeException(tooLarge);
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(read.Buffer, parse);
                }
                finally
                {
                    reader.AdvanceTo(read.Buffer.End);
                }
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static T Parse<T>(ReadOnlySequence<byte> body, Func<ReadOnlyMemory<byte>, T> parse)
    {
        if (body.IsSingleSegment)
        {
            return parse(body.First);
        }

        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return parse(rented.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
