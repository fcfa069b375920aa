using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>SLA deadlines in a live grain: one reminder per customer, for the next deadline only.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeadlineTests(ClusterFixture fixture)
{
    private readonly string _customer = NewCustomer();

    private ICustomerGrain Customer => fixture.Grains.GetGrain<ICustomerGrain>(_customer);

    private async Task<List<ReminderEntry>> Reminders() =>
        (await fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>()
            .ReadRows(Customer.GetGrainId())).Reminders.ToList();

    /// <summary>What the reminder service does when the reminder is due (its own clock is not the fake one).</summary>
    private Task Tick() => Customer.AsReference<IRemindable>().ReceiveReminder(CustomerGrain.DeadlineReminder, default);

    private async Task<Alert> OnlyAlert() =>
        Assert.Single(await fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = _customer }));

    [Fact]
    public async Task Unanswered_complaint_registers_one_reminder_for_its_next_deadline_and_fires_when_it_comes()
    {
        var now = fixture.Clock.GetUtcNow();
        var complaint = Make(_customer, now, InteractionTypes.Complaint, "social/weibo") with { CaseId = "case-9", Channel = Channel.Social };

        await Customer.RecordAsync([complaint]);

        var reminder = Assert.Single(await Reminders());
        Assert.Equal(CustomerGrain.DeadlineReminder, reminder.ReminderName);
        Assert.Equal((now + TimeSpan.FromMinutes(96)).UtcDateTime, reminder.StartAt, TimeSpan.FromSeconds(1));

        fixture.Clock.Advance(TimeSpan.FromMinutes(96));
        await Tick();

        var alert = await OnlyAlert();
        Assert.Equal(("unanswered-complaint", "case-9", Severity.Warning), (alert.RuleId, alert.CaseId, alert.Severity));
        Assert.Equal($"Complaint reply due by {now + TimeSpan.FromHours(2):u}", alert.Title);
        reminder = Assert.Single(await Reminders());
        Assert.Equal((now + TimeSpan.FromHours(2)).UtcDateTime, reminder.StartAt, TimeSpan.FromSeconds(1));

        await Customer.RecordAsync([Make(_customer, fixture.Clock.GetUtcNow(), InteractionTypes.ComplaintReply, "social/weibo") with { CaseId = "case-9" }]);

        Assert.Equal(AlertState.Resolved, (await OnlyAlert()).State);
        Assert.Empty(await Reminders());
    }

    [Fact]
    public async Task Complaint_older_than_its_sla_raises_at_once_when_it_arrives_late()
    {
        var complaint = Make(_customer, fixture.Clock.GetUtcNow() - TimeSpan.FromHours(3), InteractionTypes.Complaint, "email/support") with { CaseId = "late" };

        await Customer.RecordAsync([complaint]);

        Assert.Equal("Complaint unanswered past its 2 h SLA", (await OnlyAlert()).Title);
        Assert.Single(await Reminders()); // now waiting for the 24 h escalation
    }
}
