using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrderBot.Benchmarks.Conversation;

/// <summary>
/// What the burst and scale-out benches send: a user's message as Teams posts it (each question in its own personal
/// conversation), and questions posted at an even pace without waiting for the answers.
/// </summary>
internal static class PacedQuestions
{
    /// <summary>The message activity of question <paramref name="index"/>, as JSON content for <c>/api/messages</c>.</summary>
    public static StringContent Message(string idPrefix, int index, string serviceUrl, string conversationId, string text) =>
        new(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{index}"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new { id = string.Create(CultureInfo.InvariantCulture, $"29:user-{index}"), name = "Dana Buyer" },
            ["recipient"] = new { id = "28:orderbot", name = "OrderBot" },
            ["conversation"] = new { id = conversationId, conversationType = "personal", tenantId = "tenant-1" },
            ["channelData"] = new { tenant = new { id = "tenant-1" } },
            ["text"] = text,
            ["locale"] = "en-GB",
        }), Encoding.UTF8, "application/json");

    /// <summary>
    /// Posts <paramref name="questions"/> questions evenly over <paramref name="over"/>; returns when each was sent and
    /// its HTTP status (-1: the post failed), once every post has completed.
    /// </summary>
    public static async Task<(DateTimeOffset[] SentAt, int[] Status)> PostAsync(int questions, TimeSpan over, Func<int, Task<int>> post)
    {
        var sentAt = new DateTimeOffset[questions];
        var status = new int[questions];
        var interval = over / questions;
        var clock = Stopwatch.StartNew();
        var posts = new List<Task>(questions);
        for (var i = 0; i < questions; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            sentAt[index] = DateTimeOffset.UtcNow;
            posts.Add(post(index).ContinueWith(t => status[index] = t.IsCompletedSuccessfully ? t.Result : -1, TaskScheduler.Default));
        }

        await Task.WhenAll(posts);
        return (sentAt, status);
    }
}
