using System.Text.RegularExpressions;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>Checks <c>Webhooks</c> at start and reports every mistake at once, each naming its setting (<c>Webhooks:Targets:0:Url</c>).</summary>
public sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(49))
            {
                errors.Add($"{WebhookOptions.Section}:{setting} must be positive and at most 49 days");
            }
        }

        Positive(options.Timeout, nameof(options.Timeout));
        Positive(options.FirstRetryAfter, nameof(options.FirstRetryAfter));
        Positive(options.MaxRetryAfter, nameof(options.MaxRetryAfter));
        Positive(options.GiveUpAfter, nameof(options.GiveUpAfter));
        Positive(options.FailingAfter, nameof(options.FailingAfter));
        if (options.MaxConcurrency < 1 || options.RecentKept < 0 || options.MaxPending < 1)
        {
            errors.Add($"{WebhookOptions.Section}:MaxConcurrency and MaxPending must be at least 1, and RecentKept not negative");
        }

        for (var i = 0; i < options.Targets.Count; i++)
        {
            var target = options.Targets[i];
            var at = $"{WebhookOptions.Section}:Targets:{i}";
            if (!NamePattern().IsMatch(target.Name))
            {
                errors.Add($"{at}:Name is required: 1 to 64 letters, digits, '.', '_' or '-'");
            }
            else if (options.Targets.Take(i).Any(t => string.Equals(t.Name, target.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{at}:Name '{target.Name}' is used by another target; names must differ");
            }

            if (!Uri.TryCreate(target.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add($"{at}:Url must be an absolute http or https URL (it is '{target.Url}')");
            }

            if (target.Secret.Length < MinSecretLength)
            {
                errors.Add($"{at}:Secret must be at least {MinSecretLength} characters (the receiver checks X-CxLive-Signature with it)");
            }

            if (!string.Equals(target.Format, WebhookFormats.Json, StringComparison.OrdinalIgnoreCase) && !string.Equals(target.Format, WebhookFormats.Slack, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:Format must be {WebhookFormats.Json} or {WebhookFormats.Slack} (it is '{target.Format}')");
            }

            if (target.Language is { } language && AlertTexts.Find(language) is null)
            {
                errors.Add($"{at}:Language '{language}' has no text table: use one of {string.Join(", ", AlertTexts.All.Select(l => l.Code))} (adding a language is adding src/Grains/Detection/Texts/{language}.json)");
            }

            Each(target.Severities, "Severities", s => WireNames<Severity>.TryParse(s, out _), WireNames<Severity>.Allowed);
            Each(target.States, "States", s => WireNames<AlertState>.TryParse(s, out _), WireNames<AlertState>.Allowed);
            Each(target.Events, "Events", e => WebhookEvents.All.Contains(e, StringComparer.OrdinalIgnoreCase), string.Join(", ", WebhookEvents.All));
            Each(target.Rules, "Rules", r => !string.IsNullOrWhiteSpace(r), "rule ids");

            void Each(List<string> values, string setting, Func<string, bool> valid, string allowed)
            {
                foreach (var (value, n) in values.Select((v, n) => (v, n)).Where(p => !valid(p.v)))
                {
                    errors.Add($"{at}:{setting}:{n} '{value}' is not one of {allowed}");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
