using System.Text.RegularExpressions;
using OrderBot.Features.Recognition;

namespace OrderBot.Features.Orders;

/// <summary>Every identifier of one message as its own question, in the order typed (the first, then <c>more</c>).</summary>
public static partial class OrderQuestions
{
    public static IReadOnlyList<OrderQuestion> Each(RecognizerResult recognized, OrderQuestion first)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        ArgumentNullException.ThrowIfNull(first);
        var questions = new List<OrderQuestion> { first };
        foreach (var identifier in recognized.MoreIdentifiers)
        {
            if (questions.Any(q => string.Equals(q.Po ?? q.OrderNumber ?? q.Ref, identifier, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // A supplier order number by its shape is an order; otherwise it is what the first one was (a PO after a
            // PO), or a reference tried both ways.
            questions.Add(OrderShape().IsMatch(identifier)
                ? first with { Po = null, OrderNumber = identifier, Ref = null }
                : first.Po is not null
                    ? first with { Po = identifier, OrderNumber = null, Ref = null }
                    : first with { Po = null, OrderNumber = null, Ref = identifier });
        }

        return questions;
    }

    /// <summary>Ingram <c>NN-XXXXX</c> (optionally <c>-NN</c>, at least one digit after the dash) or Schneider's 9–10 digits.</summary>
    [GeneratedRegex(@"^(\d{2}-(?=[A-Z0-9]*\d)[A-Z0-9]{5}(-\d{2})?|\d{9,10})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderShape();
}
