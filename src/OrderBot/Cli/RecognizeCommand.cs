using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OrderBot.Features.Recognition;

namespace OrderBot.Cli;

/// <summary>
/// <c>orderbot recognize [--now &lt;ISO-8601&gt;] [--locale &lt;tag&gt;] [--timezone &lt;IANA&gt;]</c>: reads utterances from
/// stdin, one per line, and writes one JSON object per line: <c>{"text":…,"intent":…,"entities":{…}}</c>.
/// </summary>
public static class RecognizeCommand
{
    public const string Usage =
        "usage: orderbot recognize [--now <ISO-8601>] [--locale <tag>] [--timezone <IANA id>]\n" +
        "  Reads one utterance per line from stdin; writes one JSON object per line to stdout.\n" +
        "  --now       the instant date phrases resolve against (default: the current time)\n" +
        "  --locale    e.g. en-US (10/3 = 3 Oct) or en-GB (10/3 = 10 Mar); default en-US\n" +
        "  --timezone  IANA id, e.g. Europe/Paris; default UTC\n" +
        "usage: orderbot recognize --score [--failures] [--dump] [--head linear|nearest|blend] [--folds K [--weight W]] [corpus.jsonl ...] [< corpus.jsonl]\n" +
        "  Scores labeled corpora (text, intent, entities, split): exact accuracy per split and intent. With no file and no\n" +
        "  input, scores the repository's generated held-out split and the independent held-out set. --folds K scores the\n" +
        "  files by K-fold: each fold by a model that learnt from the generated corpus and the other folds (rows weighted W).";

    /// <summary>Runs the command; returns the process exit code (0, or 2 for bad arguments, with usage on stderr).</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TimeProvider time) =>
        RunAsync(args, input, output, Console.Error, time);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);

        if (args is ["--score", .. var scoreOptions])
        {
            var missing = scoreOptions.Where(o => !o.StartsWith("--", StringComparison.Ordinal) && o is not ("linear" or "nearest" or "blend") && !double.TryParse(o, CultureInfo.InvariantCulture, out _) && !File.Exists(o)).ToList();
            if (missing.Count > 0)
            {
                // A corpus path that is not there is the caller's typo: say which, never a stack trace.
                await error.WriteLineAsync($"No such corpus file: {string.Join(", ", missing)} (relative paths are read from {Environment.CurrentDirectory}).");
                return 2;
            }

            return await ScoreAsync(input, output, scoreOptions);
        }

        if (!TryParse(args, time, out var context, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        Pump(input, output, context);
        await output.FlushAsync();
        return 0;
    }

    private static async Task<int> ScoreAsync(TextReader input, TextWriter output, string[] options)
    {
        var failures = options.Contains("--failures");
        var files = options.Where(o => !o.StartsWith("--", StringComparison.Ordinal) && o is not ("linear" or "nearest" or "blend") && !double.TryParse(o, CultureInfo.InvariantCulture, out _)).ToList();
        var lines = new List<string>();
        foreach (var file in files.Count > 0 ? files : (Console.IsInputRedirected || input != Console.In ? [] : DefaultCorpora()))
        {
            // The generated corpus' train split is what the model learnt from: only its held-out part is a score.
            lines.AddRange(File.ReadLines(file).Where(l => !l.Contains("\"split\": \"train\"", StringComparison.Ordinal)));
        }

        if (lines.Count == 0)
        {
            while (await input.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        if (options.Contains("nearest") || options.Contains("blend") || options.Contains("linear"))
        {
            IntentModel.Shared.Value.Head = options.Contains("nearest") ? IntentHead.Nearest : options.Contains("blend") ? IntentHead.Blend : IntentHead.Linear;
        }

        var missed = failures ? new List<string>() : null;
        var dumped = options.Contains("--dump") ? new List<string>() : null;
        var folds = Option(options, "--folds");
        var scores = folds is { } k
            ? IntentModel.ScoreByFolds(lines, (int)k, (float)(Option(options, "--weight") ?? IntentModel.TuningWeight), missed)
            : CorpusScore.Score(new Recognizer(), lines, missed, dumped);
        await output.WriteAsync(CorpusScore.Format(scores));
        foreach (var miss in missed ?? [])
        {
            await output.WriteLineAsync(miss);
        }

        foreach (var row in dumped ?? [])
        {
            await output.WriteLineAsync(row);
        }

        await output.FlushAsync();
        return 0;
    }

    /// <summary>The number after an option ("--folds 5"), or null.</summary>
    private static double? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length && double.TryParse(options[at + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The generated corpus and the independent held-out set, found from the current directory upwards.</summary>
    private static IEnumerable<string> DefaultCorpora()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "tests", "OrderBot.Tests", "TestData", "Recognition");
            if (Directory.Exists(folder))
            {
                return [Path.Combine(folder, "corpus.jsonl"), Path.Combine(folder, "held-out-independent.jsonl")];
            }
        }

        return [];
    }

    /// <summary>
    /// The line loop, synchronous on purpose: stdin and stdout are pipes read and written in large buffered blocks,
    /// and a plain loop is JIT-optimized where an async state machine entered once per run is not.
    /// </summary>
    private static void Pump(TextReader input, TextWriter output, RecognizerContext context)
    {
        var recognizer = new Recognizer();
        var json = RecognizerJsonContext.Relaxed.RecognizedLine;

        // One Utf8JsonWriter reused over one buffer; the caller's writer is flushed once at the end, not per line,
        // so 100,000 lines stream without per-line I/O.
        var buffer = new ArrayBufferWriter<byte>(512);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RecognizerJsonContext.Relaxed.Options.Encoder, SkipValidation = true });
        var chars = new char[1024];
        while (input.ReadLine() is { } line)
        {
            var result = recognizer.Recognize(line, context);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, new RecognizedLine(result.Text, result.Intent, result.Entities), json);
            writer.Flush();
            chars = WriteUtf8(output, buffer.WrittenSpan, chars);
            output.Write('\n');
        }
    }

    private static char[] WriteUtf8(TextWriter output, ReadOnlySpan<byte> utf8, char[] chars)
    {
        var needed = System.Text.Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (chars.Length < needed)
        {
            chars = new char[Math.Max(needed, chars.Length * 2)];
        }

        var count = System.Text.Encoding.UTF8.GetChars(utf8, chars);
        output.Write(chars, 0, count);
        return chars;
    }

    private static bool TryParse(string[] args, TimeProvider time, out RecognizerContext context, out string problem)
    {
        var now = time.GetUtcNow();
        string? locale = null;
        string? zone = null;
        context = new RecognizerContext(now);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--now" or "--locale" or "--timezone"))
            {
                problem = $"unknown argument '{name}'";
                return false;
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--now":
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                    {
                        problem = $"--now '{value}' is not an ISO-8601 date/time (e.g. 2020-11-03T15:54:39Z)";
                        return false;
                    }

                    break;
                case "--locale":
                    locale = value;
                    break;
                default:
                    zone = value;
                    break;
            }
        }

        context = new RecognizerContext(now, locale, zone);
        return true;
    }
}
