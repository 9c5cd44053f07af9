namespace OrderBot.AdaptiveCards.Validation;

/// <summary>One problem found in a card, with a JSON path such as <c>$.body[2].facts</c>.</summary>
public sealed record CardValidationIssue(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>What <see cref="AdaptiveCardValidator"/> found; <see cref="SizeBytes"/> is the size of the wrapping activity.</summary>
public sealed record CardValidationResult(IReadOnlyList<CardValidationIssue> Issues, int SizeBytes)
{
    public bool IsValid => Issues.Count == 0;

    public override string ToString() =>
        IsValid ? $"valid ({SizeBytes} bytes)" : string.Join(Environment.NewLine, Issues);
}
