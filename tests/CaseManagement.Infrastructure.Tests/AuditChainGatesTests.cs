using CaseManagement.Infrastructure.Auditing;

namespace CaseManagement.Infrastructure.Tests;

public sealed class AuditChainGatesTests
{
    [Fact]
    public async Task A_chain_admits_one_transaction_at_a_time_and_other_chains_are_not_held_up()
    {
        var gates = new AuditChainGates();
        var chain = Guid.CreateVersion7();
        var first = await gates.EnterAsync(chain, TestContext.Current.CancellationToken);

        var second = gates.EnterAsync(chain, TestContext.Current.CancellationToken);
        var otherChain = gates.EnterAsync(Guid.CreateVersion7(), TestContext.Current.CancellationToken);
        Assert.True(otherChain.IsCompletedSuccessfully);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // leaving twice lets in one waiter, not two
        (await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
        var third = gates.EnterAsync(chain, TestContext.Current.CancellationToken);
        Assert.True(third.IsCompletedSuccessfully);

        var fourth = gates.EnterAsync(chain, TestContext.Current.CancellationToken);
        Assert.False(fourth.IsCompleted);
        (await third).Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
    }
}
