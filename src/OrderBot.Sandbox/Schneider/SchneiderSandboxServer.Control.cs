using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrderBot.Sandbox.Schneider;

public sealed partial class SchneiderSandboxServer
{
    /// <summary>OAuth2 client credentials: form <c>grant_type=client_credentials</c>, HTTP Basic client id and secret.</summary>
    private async Task<IResult> Token(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || !BasicMatches(authorization["Basic ".Length..].Trim()))
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_client" }, statusCode: 401);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        if (!string.Equals(form?["grant_type"].ToString(), "client_credentials", StringComparison.Ordinal))
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "unsupported_grant_type" }, statusCode: 400);
        }

        Stats.CountToken();
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = NewToken(),
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)Options.TokenLifetime.TotalSeconds,
        });
    }

    private bool BasicMatches(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            return string.Equals(text, $"{Options.ClientId}:{Options.ClientSecret}", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Demo and test controls (not part of the supplier API): POST <c>/_sandbox/orders/{orderNumber}/hold|release|ship</c>,
    /// POST <c>/_sandbox/orders/{orderNumber}/po/{poNumber}</c>,
    /// POST <c>/_sandbox/reset</c>, POST <c>/_sandbox/faults</c> (JSON body), GET <c>/_sandbox/stats</c>.
    /// </summary>
    private void MapControl()
    {
        var control = _app.MapGroup("/_sandbox");
        control.MapPost("/orders/{orderNumber}/hold", (string orderNumber) => Changed(HoldOrder(orderNumber)));
        control.MapPost("/orders/{orderNumber}/release", (string orderNumber) => Changed(ReleaseOrder(orderNumber)));
        control.MapPost("/orders/{orderNumber}/ship", (string orderNumber) => Changed(ShipOrder(orderNumber)));
        control.MapPost("/orders/{orderNumber}/po/{poNumber}", (string orderNumber, string poNumber) => Changed(SetPo(orderNumber, poNumber)));
        control.MapPost("/reset", () =>
        {
            Reset();
            return Results.NoContent();
        });
        control.MapGet("/stats", () => Results.Json(new Dictionary<string, int>
        {
            ["search"] = Stats.Search,
            ["orderDetails"] = Stats.OrderDetails,
            ["itemDetails"] = Stats.ItemDetails,
            ["shipmentSchedules"] = Stats.ShipmentSchedules,
            ["apiCalls"] = Stats.ApiCalls,
            ["tokens"] = Stats.Tokens,
            ["unauthorized"] = Stats.Unauthorized,
        }));
        control.MapPost("/faults", async (HttpContext http) =>
        {
            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest("Expected a JSON object such as {\"serverErrors\":3}.");
            }

            ApplyFaults(body);
            return Results.NoContent();
        });
    }

    private void ApplyFaults(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name.ToUpperInvariant())
            {
                case "LATENCYMS" when property.Value.TryGetInt32(out var ms):
                    Faults.Latency = TimeSpan.FromMilliseconds(ms);
                    break;
                case "SERVERERRORS" when property.Value.TryGetInt32(out var n):
                    Faults.FailNext(n);
                    break;
                case "MALFORMED" when property.Value.TryGetInt32(out var n):
                    Faults.MalformNext(n);
                    break;
                case "TRUNCATED" when property.Value.TryGetInt32(out var n):
                    Faults.TruncateNext(n);
                    break;
                case "PLAINTEXTERRORS" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    Faults.PlainTextErrors = property.Value.GetBoolean();
                    break;
                case "EXPIRETOKENS" when property.Value.ValueKind == JsonValueKind.True:
                    Faults.ExpireTokens();
                    break;
                default:
                    break;
            }
        }
    }

    private static IResult Changed(bool found) => found ? Results.NoContent() : Results.NotFound();
}
