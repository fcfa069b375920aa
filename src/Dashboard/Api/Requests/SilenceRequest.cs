using System.ComponentModel;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Detection;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>Body of <c>POST /api/silences</c>: at least one of ruleId, touchpoint and customerId.</summary>
public sealed record SilenceRequest(
    string? RuleId,
    string? Touchpoint,
    string? CustomerId,
    [property: Description("Required: why (at most 1000 characters).")] string? Comment,
    [property: Description("Required: when the silence ends (ISO 8601 with an offset, in the future).")] DateTimeOffset? ExpiresAt,
    [property: Description("Who (the signed-in person with sign-in; default 'supervisor').")] string? Author)
    : IValidatedBody<SilenceRequest>
{
    public static void Validate(SilenceRequest body, FieldErrors errors, HttpContext http)
    {
        errors.Text("ruleId", body.RuleId, maxLength: 128);
        errors.Text("touchpoint", body.Touchpoint, maxLength: 128);
        errors.Text("customerId", body.CustomerId, maxLength: 128);
        errors.Text("author", body.Author, maxLength: 128);
        errors.Text("comment", body.Comment, maxLength: 1000, required: true);
        errors.Required("expiresAt", body.ExpiresAt);
        if (body is { RuleId: null, Touchpoint: null, CustomerId: null } && !errors.Has("ruleId") && !errors.Has("touchpoint") && !errors.Has("customerId"))
        {
            errors.Add("ruleId", "at least one of ruleId, touchpoint and customerId is required (a silence mutes what matches all it names)");
        }

        // A typo would mute nothing until it expired, while looking like it does.
        errors.KnownRule("ruleId", body.RuleId, http.RequestServices.GetRequiredService<LiveRuleBookSource>().Current);

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (body.ExpiresAt <= now)
        {
            errors.Add("expiresAt", "must be in the future");
        }
        else if (body.ExpiresAt > now + SupervisorsLongest && !http.User.IsInRole(Security.Access.Admin))
        {
            // Muting is a supervisor's (the wall's Mute); a mute for months is turning a rule off,
            // which is an admin's (PUT /api/rules).
            errors.Add("expiresAt", $"a supervisor's mute lasts at most {SupervisorsLongest.TotalDays:0} days; to stop a rule for longer, an admin changes the rule (PUT /api/rules/{{ruleId}})");
        }
    }

    /// <summary>The longest mute a supervisor may set: a week.</summary>
    public static readonly TimeSpan SupervisorsLongest = TimeSpan.FromDays(7);
}
