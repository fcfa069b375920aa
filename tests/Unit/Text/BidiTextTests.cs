using CxLive.Contracts.Text;

namespace CxLive.Tests.Unit.Text;

public sealed class BidiTextTests
{
    [Theory]
    [InlineData("red running shoes")]
    [InlineData("红色跑鞋")]
    [InlineData("حذاء أحمر")] // right-to-left words need no help: only formatting characters reach outside
    public void Text_without_formatting_characters_is_left_as_it_is(string text) =>
        Assert.Same(text, BidiText.Isolated(text));

    [Theory]
    [InlineData("bidi\u202egnp.exe", "\u2068bidignp.exe\u2069")]
    [InlineData("x\u2069\u202eabc", "\u2068xabc\u2069")] // a stray end of isolate must not close the one around it
    [InlineData("\u2067abc\u2069", "\u2068abc\u2069")]
    public void Text_with_them_loses_them_and_is_isolated_from_the_words_around_it(string text, string shown) =>
        Assert.Equal(shown, BidiText.Isolated(text));
}
