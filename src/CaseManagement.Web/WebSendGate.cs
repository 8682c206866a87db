namespace CaseManagement.Web;

/// <summary>
/// One message at a time per request. A page's sections initialise side by side (the renderer starts
/// the next while one awaits), yet every message of the request shares its scoped database context and
/// unit of work, which take one operation at a time.
/// </summary>
public sealed class WebSendGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> send, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await send(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
