using System.Globalization;

namespace CxLive.Contracts.Alerts;

/// <summary>
/// Where an alert stands in the cluster-wide newest-first order: by raise time, then by id. Every
/// partition orders its alerts this way, so a page merged from all of them is in one stable order,
/// and a cursor (the last position of a page) names the same place whatever arrives meanwhile.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.AlertPosition")]
public sealed record AlertPosition([property: Id(0)] DateTimeOffset RaisedAt, [property: Id(1)] string Id) : IComparable<AlertPosition>
{
    public static AlertPosition Of(Alert alert) => new(alert.RaisedAt, alert.Id);

    /// <summary>Older positions compare lower.</summary>
    public int CompareTo(AlertPosition? other) =>
        other is null ? 1
        : RaisedAt.UtcTicks != other.RaisedAt.UtcTicks ? RaisedAt.UtcTicks.CompareTo(other.RaisedAt.UtcTicks)
        : string.CompareOrdinal(Id, other.Id);

    /// <summary>The cursor as it travels in a <c>Link</c> header: raise time in ticks, a dot, the alert id.</summary>
    public override string ToString() => RaisedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "." + Id;

    public static bool TryParse(string? text, out AlertPosition? position)
    {
        position = null;
        var dot = text?.IndexOf('.') ?? -1;
        if (dot <= 0 || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || dot == text!.Length - 1)
        {
            return false;
        }

        position = new AlertPosition(new DateTimeOffset(ticks, TimeSpan.Zero), text[(dot + 1)..]);
        return true;
    }
}
