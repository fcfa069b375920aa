using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Pages;

/// <summary>The pages' sources keep outside text out of HTML sinks (the static half of the page protections).</summary>
public sealed class PageSourceRulesTests
{
    private static readonly string Pages = Repository.PathOf("src", "Dashboard", "wwwroot");

    [Fact]
    public void No_page_source_builds_markup_from_strings_or_runs_inline_code()
    {
        var files = Directory.EnumerateFiles(Pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 10, $"expected the pages' scripts and documents under {Pages}, found {files.Count}");

        var offences = files.SelectMany(f => PageSourceRules.Check(f, File.ReadAllText(f))).ToList();

        Assert.True(offences.Count == 0, "page sources that could turn text into markup or code:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData("table.innerHTML = head + rows.join(\"\");")]
    [InlineData("li.innerHTML = `<b>${alert.title}</b>`;")]
    [InlineData("li.innerHTML = '<b>' + name + '</b>';")]
    [InlineData("el.outerHTML += html;")]
    [InlineData("list.insertAdjacentHTML(\"beforeend\", card);")]
    [InlineData("document.write(data);")]
    [InlineData("const f = new Function(code);")]
    [InlineData("setTimeout(\"refresh()\", 100);")]
    public void Markup_or_code_built_from_data_is_an_offence(string line) =>
        Assert.Single(PageSourceRules.Check("page.js", line));

    [Theory]
    [InlineData("li.innerHTML = `<div class=\"title\"></div>`;")]
    [InlineData("table.innerHTML = \"\";")]
    [InlineData("cell.textContent = value;")]
    [InlineData("if (a.innerHTML === b) return;")]
    [InlineData("setTimeout(start, 5_000);")]
    public void Constant_markup_and_text_are_allowed(string line) =>
        Assert.Empty(PageSourceRules.Check("page.js", line));

    [Theory]
    [InlineData("<button onclick=\"go()\">Go</button>")]
    [InlineData("<script>window.x = 1</script>")]
    [InlineData("<td style=\"--heat:1\">3</td>")]
    [InlineData("<a href=\"javascript:go()\">Go</a>")]
    public void Inline_code_and_styles_in_documents_are_offences(string line) =>
        Assert.Single(PageSourceRules.Check("page.html", line));

    [Fact]
    public void Scripts_loaded_from_files_are_allowed_in_documents() =>
        Assert.Empty(PageSourceRules.Check("page.html", "<script type=\"module\" src=\"/wall.js\"></script>"));
}
