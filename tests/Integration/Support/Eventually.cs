namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Waits for something another process does, where no signal reaches the test: polls often, and
/// fails with what it was waiting for once the timeout passes.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<T> ResultAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        T result = default!;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                result = await read();
                if (done(result))
                {
                    return result;
                }

                last = null;
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(Poll);
        }

        throw new TimeoutException($"Waited {timeout} for {what}; last seen: {(last?.Message ?? result?.ToString())}", last);
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ResultAsync(condition, ok => ok, timeout, what);
}
