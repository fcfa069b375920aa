namespace CxLive.Grains.Detection;

/// <summary>
/// The facts one alert text is written from, by placeholder name (<c>{count}</c>, <c>{span}</c>).
/// A detector fills it once per language, because some facts read differently per language (a span,
/// a quoted list). Values are formatted with the current culture, as string interpolation did.
/// </summary>
public sealed class TextArgs : Dictionary<string, object?>
{
    public TextArgs()
        : base(StringComparer.Ordinal)
    {
    }
}
