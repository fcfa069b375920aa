namespace CxLive.Contracts.Alerts;

/// <summary>Rule + subject + case. Customer alerts have the customer as subject, touchpoint alerts the touchpoint.</summary>
public static class AlertFingerprint
{
    public static string Of(string ruleId, string? customerId, string? touchpoint, string? caseId)
    {
        var subject = customerId is not null ? "customer:" + customerId : "touchpoint:" + touchpoint;
        return caseId is null ? $"{ruleId}|{subject}" : $"{ruleId}|{subject}|case:{caseId}";
    }
}
