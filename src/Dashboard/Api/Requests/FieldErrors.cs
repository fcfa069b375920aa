using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Agents;
using CxLive.Grains.Detection;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// A body's mistakes, each "field: reason", so one problem names every bad field at once; answered
/// as RFC 7807 problem details with <c>errors</c> grouped by field.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Reason)> _errors = [];

    public int Count => _errors.Count;

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public void Add(string field, string reason) => _errors.Add((field, reason));

    public static FieldErrors Of(string field, string reason)
    {
        var errors = new FieldErrors();
        errors.Add(field, reason);
        return errors;
    }

    /// <summary>Each mistake as "field: reason".</summary>
    public IEnumerable<string> Lines => _errors.Select(e => $"{e.Field}: {e.Reason}");

    /// <summary>
    /// A free-text field: when present (or <paramref name="required"/>), a non-empty string of at most
    /// <paramref name="maxLength"/> characters without control characters (they corrupt logs and pages).
    /// </summary>
    public void Text(string field, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            Required(field, value, required);
        }
        else if (value.Trim().Length == 0)
        {
            Add(field, "must be a non-empty string");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }
        else if (value.Any(char.IsControl))
        {
            Add(field, "must not contain control characters");
        }
    }

    /// <summary>An agent id that names a configured agent (the roster <c>GET /api/agents</c> lists); an unknown one is named with the roster.</summary>
    public void KnownAgent(string field, string? agentId, IReadOnlyCollection<AgentOptions> agents)
    {
        if (agentId is not null && !Has(field) && UnknownAgent(agentId, agents) is { } why)
        {
            Add(field, why);
        }
    }

    /// <summary>Why <paramref name="agentId"/> is refused, naming the roster; null for an agent in it. The hub's <c>SubscribeAgent</c> says the same.</summary>
    public static string? UnknownAgent(string agentId, IReadOnlyCollection<AgentOptions> agents) =>
        agents.Any(a => a.Id == agentId) ? null : $"no agent is called '{agentId}'; the agents are {string.Join(", ", agents.Select(a => a.Id))}";

    /// <summary>A rule id the live rule book knows; an unknown one is named with the rules (a typo would otherwise match nothing, silently).</summary>
    public void KnownRule(string field, string? ruleId, RuleBook rules)
    {
        if (ruleId is not null && !Has(field) && rules.Find(ruleId) is null)
        {
            Add(field, $"no rule is called '{ruleId}'; {RulesApi.RuleList(rules)}");
        }
    }

    /// <summary>A query's true/false switch: left out is false; anything but true or false is named.</summary>
    public bool Flag(string parameter, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (!bool.TryParse(value, out var on))
        {
            Add(parameter, "must be true or false");
        }

        return on;
    }

    /// <summary>A field left out; not said again of a field already refused for its type (it was left out for that).</summary>
    public void Required<T>(string field, T? value, bool required = true)
    {
        if (required && value is null && !Has(field))
        {
            Add(field, "is required");
        }
    }

    /// <summary>400 naming every bad field of a body.</summary>
    public IResult Problem() => Problem("Invalid request");

    /// <summary>400 naming every bad query parameter.</summary>
    /// <param name="facts">Members beside <c>errors</c> a page reads to say the reason in its own language (an English reason is for integrators).</param>
    public IResult QueryProblem(IReadOnlyDictionary<string, object?>? facts = null) => Problem("Invalid parameter", facts);

    private IResult Problem(string title, IReadOnlyDictionary<string, object?>? facts = null)
    {
        Dictionary<string, object?> extensions = facts is null ? new() : new(facts);
        extensions["errors"] = _errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        return Problems.BadRequest(title, string.Join("; ", _errors.Select(e => $"{e.Field}: {e.Reason}")), extensions);
    }
}
