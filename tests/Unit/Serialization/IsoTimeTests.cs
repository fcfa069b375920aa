using System.Text;
using CxLive.Contracts.Serialization;

namespace CxLive.Tests.Unit.Serialization;

public class IsoTimeTests
{
    [Theory]
    [InlineData("2026-11-23T10:15:00Z")]
    [InlineData("2026-11-23T10:15:00.123z")]
    [InlineData("2026-11-23T18:15:00+08:00")]
    [InlineData("2026-11-23T05:15:00-0500")]
    public void Times_with_an_offset_are_one_moment(string text)
    {
        Assert.True(IsoTime.TryParse(text, out var at));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero), at.ToUniversalTime().AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)));
        Assert.True(IsoTime.HasOffset(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("2026-11-23T10:15:00")] // a local time: a different moment on every server
    [InlineData("2026-11-23")]
    [InlineData("yesterday")]
    [InlineData("2026-11-23T10:15:00+8")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(IsoTime.TryParse(text, out _));
        Assert.False(IsoTime.HasOffset(Encoding.UTF8.GetBytes(text ?? "")));
    }
}
