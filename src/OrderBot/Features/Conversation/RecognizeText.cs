using OrderBot.Features.Recognition;

namespace OrderBot.Features.Conversation;

/// <summary>
/// Recognition in place of <see cref="Recognizer.Recognize"/>, when composed (tests script what a message means to
/// drive the real pipeline with results the recognizer of the day does not give yet).
/// </summary>
public delegate RecognizerResult RecognizeText(string text, RecognizerContext context);
