using System.Text.RegularExpressions;

namespace CxLive.Tests.Unit.Pages;

/// <summary>
/// What the pages' own sources may not contain: markup built from strings (only a constant string
/// may reach an HTML sink), inline script and handlers, inline styles, eval. The pages get text from
/// integrators (touchpoints, queries, comments, customer ids) and must only ever show it as text.
/// </summary>
public static partial class PageSourceRules
{
    /// <summary>One offence: the file, its line (from 1) and what is wrong there.</summary>
    public sealed record Offence(string File, int Line, string Reason)
    {
        public override string ToString() => $"{File}:{Line}: {Reason}";
    }

    public static IEnumerable<Offence> Check(string file, string source)
    {
        var isHtml = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        foreach (var (line, number) in source.Split('\n').Select((line, index) => (line, index + 1)))
        {
            foreach (var reason in isHtml ? CheckHtmlLine(line) : CheckScriptLine(line))
            {
                yield return new Offence(Path.GetFileName(file), number, reason);
            }
        }
    }

    private static IEnumerable<string> CheckScriptLine(string line)
    {
        foreach (Match sink in HtmlSink().Matches(line))
        {
            if (!IsConstantString(sink.Groups["value"].Value))
            {
                yield return $"{sink.Groups["sink"].Value} with something other than a constant string: use textContent or createElement";
            }
        }

        if (Eval().IsMatch(line))
        {
            yield return "eval, new Function or a string timer: code from a string";
        }
    }

    private static IEnumerable<string> CheckHtmlLine(string line)
    {
        if (InlineHandler().IsMatch(line))
        {
            yield return "an inline event handler attribute (on...=): attach listeners from a script file";
        }

        if (InlineScript().IsMatch(line))
        {
            yield return "an inline <script> without src: the Content-Security-Policy forbids it";
        }

        if (InlineStyle().IsMatch(line))
        {
            yield return "an inline style attribute: the Content-Security-Policy forbids it (use a class)";
        }

        if (line.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            yield return "a javascript: URL";
        }
    }

    /// <summary>"…" or '…' with no concatenation, or a template literal with no substitution.</summary>
    private static bool IsConstantString(string value) =>
        ConstantString().IsMatch(value.Trim().TrimEnd(';', ')').Trim());

    // innerHTML = x, outerHTML += x, insertAdjacentHTML(where, x), document.write(x), srcdoc = x, createContextualFragment(x)
    [GeneratedRegex(@"(?<sink>\.innerHTML|\.outerHTML|\.srcdoc)\s*\+?=\s*(?<value>[^=].*)$|(?<sink>insertAdjacentHTML)\s*\(\s*[^,]+,(?<value>.*)$|(?<sink>document\.write(?:ln)?|createContextualFragment)\s*\((?<value>.*)$")]
    private static partial Regex HtmlSink();

    [GeneratedRegex(@"^(""[^""\\$+]*""|'[^'\\+]*'|`[^`$]*`)$")]
    private static partial Regex ConstantString();

    [GeneratedRegex(@"\beval\s*\(|\bnew\s+Function\s*\(|\bset(Timeout|Interval)\s*\(\s*[""'`]")]
    private static partial Regex Eval();

    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-zA-Z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
