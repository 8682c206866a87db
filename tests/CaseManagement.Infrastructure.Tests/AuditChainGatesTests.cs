using CaseManagement.Infrastructure.Auditing;

namespace CaseManagement.Infrastructure.Tests;

public sealed class AuditChainGatesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chain_admits_one_transaction_at_a_time_and_other_chains_are_not_held_up()
    {
        var gates = new AuditChainGates();
        var chain = Guid.CreateVersion7();
        var first = await gates.EnterAsync(chain, Token);
        Assert.NotNull(first);

        var second = gates.EnterAsync(chain, Token);
        var otherChain = gates.EnterAsync(Guid.CreateVersion7(), Token);
        Assert.True(otherChain.IsCompletedSuccessfully);
        Assert.NotNull(await otherChain);
        await Task.Delay(50, Token);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // leaving twice lets in one waiter, not two (a second release would throw: the gate holds one)
        var secondExit = await second.WaitAsync(TimeSpan.FromSeconds(5), Token);
        Assert.NotNull(secondExit);
        var third = gates.EnterAsync(chain, Token);
        await Task.Delay(50, Token);
        Assert.False(third.IsCompleted);
        secondExit.Dispose();
        Assert.NotNull(await third.WaitAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task A_wait_longer_than_the_database_would_wait_goes_on_without_the_gate()
    {
        var gates = new AuditChainGates(TimeSpan.FromMilliseconds(100));
        var chain = Guid.CreateVersion7();
        var holder = await gates.EnterAsync(chain, Token);
        Assert.NotNull(holder);

        Assert.Null(await gates.EnterAsync(chain, Token).WaitAsync(TimeSpan.FromSeconds(5), Token));

        holder.Dispose();
        Assert.NotNull(await gates.EnterAsync(chain, Token));
    }
}
