using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api.Requests;

namespace CxLive.Dashboard.Api;

/// <summary>
/// The paging that <c>GET /api/alerts</c> and <c>GET /api/outreach</c> share: newest first,
/// <c>limit</c> (default 100, at most <see cref="MaxLimit"/>) and a <c>cursor</c> that the previous
/// page's <c>Link</c> header (RFC 8288) and <c>X-Next-Cursor</c> carry.
/// </summary>
public static class Paging
{
    public const int MaxLimit = 1000;
    private const int DefaultLimit = 100;

    /// <summary>Reads both parameters, adding a reason to <paramref name="errors"/> for each bad one.</summary>
    public static (int Limit, AlertPosition? Before) Read(string? limit, string? cursor, FieldErrors errors)
    {
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        AlertPosition? before = null;
        if (cursor is not null && !AlertPosition.TryParse(cursor, out before))
        {
            errors.Add("cursor", "must be a cursor from a previous page's Link header");
        }

        return (count, before);
    }

    /// <summary>
    /// More lie behind this page (the caller read one beyond it): the next one starts after
    /// <paramref name="last"/>, with the same filters. A full last page links nowhere: its link led
    /// to an empty page.
    /// </summary>
    public static void LinkNext(HttpContext http, AlertPosition last)
    {
        var next = QueryString.Create(http.Request.Query.Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase)) // names are read regardless of case
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("cursor", (string?)last.ToString())));
        http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{next}>; rel=\"next\"";
        http.Response.Headers["X-Next-Cursor"] = last.ToString();
    }
}
