namespace Court.Infrastructure.EventStore;

/// <summary>Wakes log followers in this process when a batch commits; other nodes' writes are found by polling.</summary>
public sealed class AppendNotifier
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref signal).Task;
        try
        {
            await current.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling interval passed: look at the log anyway.
        }
    }
}
