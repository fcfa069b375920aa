using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Detection;
using CxLive.Grains.Webhooks;

namespace CxLive.Tests.Unit.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    [Fact]
    public void Every_mistake_in_the_targets_is_reported_at_once_naming_its_setting()
    {
        var options = new WebhookOptions
        {
            Targets =
            [
                new() { Name = "ops", Url = "https://hooks.example.com/cx", Secret = "a-long-enough-secret", Format = "Slack", Severities = ["Critical"], Events = ["ALERT.RAISED"] },
                new() { Name = "ops", Url = "ftp://x", Secret = "short", Format = "xml", Language = "xx", Severities = ["urgent"], States = ["closed"], Events = ["alert.deleted"] },
            ],
        };

        var result = new WebhookOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Webhooks:Targets:1:Name 'ops' is used by another target; names must differ",
            "Webhooks:Targets:1:Url must be an absolute http or https URL (it is 'ftp://x')",
            "Webhooks:Targets:1:Secret must be at least 16 characters (the receiver checks X-CxLive-Signature with it)",
            "Webhooks:Targets:1:Format must be json or slack (it is 'xml')",
            $"Webhooks:Targets:1:Language 'xx' has no text table: use one of {Languages} (adding a language is adding src/Grains/Detection/Texts/xx.json)",
            "Webhooks:Targets:1:Severities:0 'urgent' is not one of info, warning, critical",
            "Webhooks:Targets:1:States:0 'closed' is not one of open, acknowledged, resolved, snoozed",
            "Webhooks:Targets:1:Events:0 'alert.deleted' is not one of alert.raised, alert.updated, alert.resolved, incident.opened, incident.updated, incident.resolved",
        ], result.Failures);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    [InlineData("ZH-cn")]
    public void A_language_with_a_text_table_is_accepted_in_any_case(string language) =>
        Assert.True(new WebhookOptionsValidator().Validate(null, new WebhookOptions { Targets = [Slack(language)] }).Succeeded);

    [Fact]
    public void A_language_without_a_text_table_is_refused_naming_the_languages_that_have_one()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Targets = [Slack("pt-BR")] });

        Assert.Equal(
            [$"Webhooks:Targets:0:Language 'pt-BR' has no text table: use one of {Languages} (adding a language is adding src/Grains/Detection/Texts/pt-BR.json)"],
            result.Failures);
    }

    /// <summary>en, zh-CN, and whichever languages have been added since.</summary>
    private static string Languages => string.Join(", ", AlertTexts.All.Select(l => l.Code));

    private static WebhookTargetOptions Slack(string language) =>
        new() { Name = "ops", Url = "https://hooks.example.com/cx", Secret = "a-long-enough-secret", Format = "slack", Language = language };

    [Fact]
    public void No_targets_is_valid_and_sends_nothing() =>
        Assert.True(new WebhookOptionsValidator().Validate(null, new WebhookOptions()).Succeeded);
}
