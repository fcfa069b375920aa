namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Lets a test wait for "so many more of these" (answers, messages) as they are observed, instead of
/// waiting a number of seconds a slow machine may not fill. A waiter that times out is dropped.
/// </summary>
public sealed class Waiters<T>
{
    private readonly List<Waiter> _waiting = [];

    /// <summary>Completes once <paramref name="count"/> more items matching <paramref name="what"/> have been observed.</summary>
    public async Task WaitAsync(Func<T, bool> what, int count, TimeSpan timeout)
    {
        var waiter = new Waiter(what, count);
        lock (_waiting)
        {
            _waiting.Add(waiter);
        }

        try
        {
            await waiter.Done.Task.WaitAsync(timeout);
        }
        finally
        {
            lock (_waiting)
            {
                _waiting.Remove(waiter);
            }
        }
    }

    public void Observe(T item)
    {
        lock (_waiting)
        {
            foreach (var waiter in _waiting.Where(w => w.What(item)))
            {
                if (--waiter.Left <= 0)
                {
                    waiter.Done.TrySetResult();
                }
            }
        }
    }

    /// <summary>Nothing more will be observed: every waiter hears why, not a timeout later.</summary>
    public void Fail(Exception why)
    {
        lock (_waiting)
        {
            _waiting.ForEach(w => w.Done.TrySetException(why));
        }
    }

    private sealed class Waiter(Func<T, bool> what, int count)
    {
        public Func<T, bool> What { get; } = what;

        public int Left { get; set; } = count;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
