using OrderBot.Features.Orders;
using OrderBot.Features.Recognition;

namespace OrderBot.Tests.Features.Orders;

/// <summary>Every identifier of a message as its own question: orders by their shape, others as the first was.</summary>
public sealed class OrderQuestionsTests
{
    [Fact]
    public void Each_PoThenMore_OrdersByShapeAndPosAsPos_InTheOrderTyped()
    {
        var recognized = new RecognizerResult("where is PO 201120/1 and 20-LT001 and CUSTPO and 0100111111", Intents.OrderStatus,
            new Dictionary<string, string> { [EntityKeys.Po] = "201120/1", [EntityKeys.More] = "20-LT001 CUSTPO 0100111111" });

        var questions = OrderQuestions.Each(recognized, OrderQuestion.From(recognized)!);

        Assert.Equal(["PO 201120/1", "order 20-LT001", "PO CUSTPO", "order 0100111111"], questions.Select(q => q.SearchedFor));
    }

    [Fact]
    public void Each_UnqualifiedFirst_OthersAreReferences_AndRepeatsAskedOnce()
    {
        var recognized = new RecognizerResult("CUSTPO and WATCH-1 and custpo", Intents.OrderStatus,
            new Dictionary<string, string> { [EntityKeys.Ref] = "CUSTPO", [EntityKeys.More] = "WATCH-1 custpo" });

        var questions = OrderQuestions.Each(recognized, OrderQuestion.From(recognized)!);

        Assert.Equal(["CUSTPO", "WATCH-1"], questions.Select(q => q.SearchedFor));
    }
}
