using System.Collections.Immutable;
using CxLive.Contracts.Webhooks;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// One partition's pending deliveries and what became of the past ones, per target: pure (the
/// caller says what time it is), so the retry schedule and the order per subject are tested
/// without a cluster. A subject's (alert's, incident's) next delivery waits until the one before it
/// was delivered, refused or given up; different subjects go out side by side, up to
/// <see cref="WebhookOptions.MaxConcurrency"/> per target, one at a time while the target is failing.
/// </summary>
public sealed class WebhookQueue(WebhookOptions options, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;
    private readonly Dictionary<string, TargetQueue> _targets = new(StringComparer.Ordinal);

    public int Pending => _targets.Values.Sum(t => t.Count);

    public int PendingFor(string target) => _targets.TryGetValue(target, out var queue) ? queue.Count : 0;

    public void Add(WebhookDelivery delivery)
    {
        var target = For(delivery.Target);
        if (!target.BySubject.TryGetValue(delivery.Subject, out var line))
        {
            target.BySubject[delivery.Subject] = line = new SortedList<long, Entry>();
        }

        if (line.TryAdd(delivery.Sequence, new Entry(delivery) { NextAttemptAt = delivery.CreatedAt }))
        {
            target.Count++;
        }
    }

    /// <summary>
    /// Gives up the oldest deliveries of each target holding more than <see cref="WebhookOptions.MaxPending"/>
    /// (not one on its way): removed here, answered as attempts given up, for the caller to count, log
    /// and delete. A receiver down for hours otherwise held its whole 24 h in memory and in Redis.
    /// </summary>
    public List<WebhookAttempt> GiveUpOverflow(DateTimeOffset now)
    {
        var givenUp = new List<WebhookAttempt>();
        foreach (var (name, target) in _targets.Where(t => t.Value.Count > options.MaxPending))
        {
            for (var excess = target.Count - options.MaxPending; excess > 0 && OldestWaiting(target) is { } entry; excess--)
            {
                var delivery = entry.Delivery;
                Remove(target, delivery.Subject, delivery.Sequence);
                var attempt = delivery.AttemptAt(entry.Attempts, now) with
                {
                    Outcome = WebhookOutcome.GivenUp,
                    Error = $"more than {options.MaxPending} deliveries waited for this target: the oldest was given up",
                };
                target.GivenUp++;
                target.Remember(attempt, options.RecentKept);
                givenUp.Add(attempt);
            }
        }

        return givenUp;
    }

    /// <summary>
    /// The oldest delivery not on its way: each subject's first (its second while the first is on its
    /// way), as a subject's deliveries are sent in the order they were made. A look at each subject,
    /// not a sort of them all on every commit of a target at its limit.
    /// </summary>
    private static Entry? OldestWaiting(TargetQueue target)
    {
        Entry? oldest = null;
        foreach (var line in target.BySubject.Values)
        {
            var candidate = !line.Values[0].InFlight ? line.Values[0] : line.Count > 1 ? line.Values[1] : null;
            if (candidate is not null && (oldest is null || (candidate.Delivery.CreatedAt, candidate.Delivery.Sequence).CompareTo((oldest.Delivery.CreatedAt, oldest.Delivery.Sequence)) < 0))
            {
                oldest = candidate;
            }
        }

        return oldest;
    }

    /// <summary>The deliveries to send now (each the first of its subject, due, not already on its way), marked as on their way.</summary>
    public List<(WebhookDelivery Delivery, int Attempt)> TakeDue(DateTimeOffset now)
    {
        var due = new List<(WebhookDelivery, int)>();
        foreach (var target in _targets.Values.Where(t => !(t.NotBefore > now)))
        {
            var room = (target.FailingSince is null ? options.MaxConcurrency : 1) - target.InFlight;
            foreach (var head in target.BySubject.Values.Select(line => line.Values[0]).Where(e => !e.InFlight && e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Delivery.Sequence))
            {
                if (room-- <= 0)
                {
                    break;
                }

                head.InFlight = true;
                head.Attempts++;
                target.InFlight++;
                due.Add((head.Delivery, head.Attempts));
            }
        }

        return due;
    }

    /// <summary>The earliest moment a delivery not on its way falls due (not before its target asked to be left alone until).</summary>
    public DateTimeOffset? NextDue() =>
        _targets.Values.SelectMany(t => t.BySubject.Values.Select(line => line.Values[0]).Where(e => !e.InFlight)
            .Select(e => (DateTimeOffset?)(t.NotBefore > e.NextAttemptAt ? t.NotBefore.Value : e.NextAttemptAt))).Min();

    /// <summary>
    /// Takes an attempt's result (status or error as the transport saw them) and decides: delivered
    /// (2xx), failed and tried again later (no answer, 408, 429, 5xx), refused (any other status:
    /// the same bytes would be refused again), or given up (failed past <see cref="WebhookOptions.GiveUpAfter"/>).
    /// Answers the attempt as recorded, and whether its delivery is finished (so its record goes).
    /// </summary>
    public (WebhookAttempt Recorded, bool Finished) Complete(WebhookAttempt attempt, DateTimeOffset now)
    {
        var target = For(attempt.Target);
        if (!target.BySubject.TryGetValue(attempt.Subject, out var line) || !line.TryGetValue(attempt.Sequence, out var entry) || entry.Delivery.Id != attempt.DeliveryId)
        {
            return (attempt, false); // an answer for an activation before this one: its delivery was loaded again and is sent again
        }

        if (entry.InFlight)
        {
            entry.InFlight = false;
            target.InFlight--; // not for an answer to an earlier activation's try of a delivery not yet sent again here: it went below zero, and past MaxConcurrency
        }

        var recorded = attempt with { Attempt = entry.Attempts };
        if (attempt.Status is >= 200 and < 300)
        {
            recorded = recorded with { Outcome = WebhookOutcome.Delivered };
            target.Delivered++;
            target.LastSuccessAt = now;
            target.FailingSince = null;
        }
        else
        {
            target.LastFailureAt = now;
            target.LastError = attempt.Status is { } status ? $"HTTP {status}" + (attempt.Error is { } e ? ": " + e : "") : attempt.Error;
            target.FailingSince ??= now;
            var retryable = attempt.Status is null or 408 or 429 or >= 500;
            if (!retryable)
            {
                recorded = recorded with { Outcome = WebhookOutcome.Rejected };
                target.Rejected++;
            }
            else if (now - entry.Delivery.CreatedAt >= options.GiveUpAfter)
            {
                recorded = recorded with { Outcome = WebhookOutcome.GivenUp };
                target.GivenUp++;
            }
            else
            {
                var giveUpAt = entry.Delivery.CreatedAt + options.GiveUpAfter;
                var next = now + RetryDelay(entry.Attempts, attempt.RetryAfter);
                if (attempt.RetryAfter is { } asked)
                {
                    // The receiver asked to be left alone (429, 503): nothing goes to it before then.
                    // Only the refused delivery waited, and every other one due was sent, and refused, at once.
                    var until = now + (asked < options.MaxRetryAfter ? asked : options.MaxRetryAfter);
                    target.NotBefore = target.NotBefore > until ? target.NotBefore : until;
                }

                entry.NextAttemptAt = next < giveUpAt ? next : giveUpAt; // one last try as the window closes
                recorded = recorded with { Outcome = WebhookOutcome.Failed, NextAttemptAt = entry.NextAttemptAt };
                target.Failed++;
                target.Remember(recorded, options.RecentKept);
                return (recorded, false);
            }
        }

        Remove(target, attempt.Subject, attempt.Sequence);
        target.Remember(recorded, options.RecentKept);
        return (recorded, true);
    }

    /// <summary>First retry after <see cref="WebhookOptions.FirstRetryAfter"/>, each later wait twice the one before, up to <see cref="WebhookOptions.MaxRetryAfter"/>, plus up to a fifth at random so deliveries that failed together do not return together; never sooner than the receiver's <c>Retry-After</c>.</summary>
    public TimeSpan RetryDelay(int failures, TimeSpan? retryAfter = null)
    {
        var doubled = options.FirstRetryAfter * Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = doubled < options.MaxRetryAfter ? doubled : options.MaxRetryAfter;
        delay += delay * (0.2 * _random());
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < options.MaxRetryAfter ? asked : options.MaxRetryAfter;
        }

        return delay;
    }

    /// <summary>Deliveries of targets no longer configured: removed here, for the caller to delete.</summary>
    public List<WebhookDelivery> DropTargetsOtherThan(IEnumerable<string> configured)
    {
        var keep = configured.ToHashSet(StringComparer.Ordinal);
        var dropped = _targets.Where(t => !keep.Contains(t.Key)).SelectMany(t => t.Value.BySubject.Values.SelectMany(l => l.Values.Select(e => e.Delivery))).ToList();
        foreach (var name in _targets.Keys.Where(n => !keep.Contains(n)).ToList())
        {
            _targets.Remove(name);
        }

        return dropped;
    }

    public WebhookTargetStatus Status(WebhookTarget target, DateTimeOffset now)
    {
        var queue = For(target.Name);
        var pending = queue.BySubject.Values.SelectMany(l => l.Values).ToList();
        return new WebhookTargetStatus
        {
            Name = target.Name,
            Url = Shown(target.Url),
            Format = target.Format,
            Pending = pending.Count,
            Delivered = queue.Delivered,
            Failed = queue.Failed,
            Rejected = queue.Rejected,
            GivenUp = queue.GivenUp,
            LastSuccessAt = queue.LastSuccessAt,
            LastFailureAt = queue.LastFailureAt,
            LastError = queue.LastError,
            FailingSince = queue.FailingSince,
            Failing = IsFailing(target.Name, now),
            OldestPendingAt = pending.Count == 0 ? null : pending.Min(e => e.Delivery.CreatedAt),
            Recent = [.. queue.Recent.Reverse()],
        };
    }

    /// <summary>
    /// A target's URL as admins may read it: no user name or password, no query, and its last path
    /// segment masked (a Slack webhook's path ends in its secret token; some services' only segment is one).
    /// </summary>
    public static string Shown(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        var last = path.LastIndexOf('/');
        return url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + (last < 0 ? "/" : path[..(last + 1)] + "…");
    }

    public DateTimeOffset? FailingSince(string target) => For(target).FailingSince;

    /// <summary>Failing without a success for at least <see cref="WebhookOptions.FailingAfter"/>.</summary>
    public bool IsFailing(string target, DateTimeOffset now) => For(target).FailingSince is { } since && now - since >= options.FailingAfter;

    private static void Remove(TargetQueue target, string subject, long sequence)
    {
        var line = target.BySubject[subject];
        if (line.Remove(sequence))
        {
            target.Count--;
        }

        if (line.Count == 0)
        {
            target.BySubject.Remove(subject);
        }
    }

    private TargetQueue For(string name)
    {
        if (!_targets.TryGetValue(name, out var target))
        {
            _targets[name] = target = new TargetQueue();
        }

        return target;
    }

    private sealed class Entry(WebhookDelivery delivery)
    {
        public WebhookDelivery Delivery { get; } = delivery;
        public DateTimeOffset NextAttemptAt { get; set; }
        public int Attempts { get; set; }
        public bool InFlight { get; set; }
    }

    private sealed class TargetQueue
    {
        public Dictionary<string, SortedList<long, Entry>> BySubject { get; } = new(StringComparer.Ordinal);
        public Queue<WebhookAttempt> Recent { get; } = new();
        /// <summary>Deliveries held, kept as they come and go: summed over every subject on each call, it cost a dead target's outbox a scan per commit.</summary>
        public int Count { get; set; }
        public int InFlight { get; set; }
        public long Delivered { get; set; }
        public long Failed { get; set; }
        public long Rejected { get; set; }
        public long GivenUp { get; set; }
        public DateTimeOffset? LastSuccessAt { get; set; }
        public DateTimeOffset? LastFailureAt { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? FailingSince { get; set; }

        /// <summary>Until when the receiver asked, with <c>Retry-After</c>, to be sent nothing.</summary>
        public DateTimeOffset? NotBefore { get; set; }

        public void Remember(WebhookAttempt attempt, int kept)
        {
            Recent.Enqueue(attempt);
            while (Recent.Count > kept)
            {
                Recent.Dequeue();
            }
        }
    }
}
