using OrderBot.Protocol.Schema;

namespace OrderBot.TestKit.Protocol;

/// <summary>
/// Fluent conversation test over a <see cref="TestAdapter"/>:
/// <c>await new TestFlow(adapter).Send("hi").AssertReply(a => …).Send(…).StartTestAsync();</c>
/// Steps run in order when <see cref="StartTestAsync"/> is awaited. Failures throw <see cref="TestFlowException"/>.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly List<Func<Task>> _steps = [];
    private InvokeResponse? _lastInvokeResponse;

    public TestFlow(TestAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        _adapter = adapter;
    }

    /// <summary>The user sends <paramref name="text"/>.</summary>
    public TestFlow Send(string text) => Send(_adapter.MakeMessage(text));

    /// <summary>The channel delivers <paramref name="activity"/> (missing addressing is filled in).</summary>
    public TestFlow Send(Activity activity)
    {
        _steps.Add(async () => _lastInvokeResponse = await _adapter.ProcessAsync(activity));
        return this;
    }

    /// <summary>Takes the next reply and checks it.</summary>
    public TestFlow AssertReply(Action<Activity> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _steps.Add(() =>
        {
            var reply = _adapter.TakeReply() ?? throw new TestFlowException("Expected a reply but the bot sent nothing more.");
            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Takes the next reply and expects exactly <paramref name="text"/>.</summary>
    public TestFlow AssertReply(string text) => AssertReply(a =>
    {
        if (!string.Equals(a.Text, text, StringComparison.Ordinal))
        {
            throw new TestFlowException($"Expected reply '{text}' but got '{a.Text}' ({a.Type}).");
        }
    });

    /// <summary>Expects no further reply at this point.</summary>
    public TestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            var reply = _adapter.TakeReply();
            return reply is null ? Task.CompletedTask : throw new TestFlowException($"Expected no reply but got '{reply.Text}' ({reply.Type}).");
        });
        return this;
    }

    /// <summary>Checks the invoke response of the last sent activity.</summary>
    public TestFlow AssertInvokeResponse(Action<InvokeResponse> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        _steps.Add(() =>
        {
            check(_lastInvokeResponse ?? throw new TestFlowException("The last activity produced no invoke response."));
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs arbitrary code between steps (e.g. advance a FakeTimeProvider).</summary>
    public TestFlow Do(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _steps.Add(() =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps)
        {
            await step();
        }
    }
}

/// <summary>A TestFlow expectation failed.</summary>
public sealed class TestFlowException : Exception
{
    public TestFlowException()
    {
    }

    public TestFlowException(string message)
        : base(message)
    {
    }

    public TestFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
