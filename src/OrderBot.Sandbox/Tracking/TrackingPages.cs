using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderBot.Sandbox.Tracking;

/// <summary>What a carrier's tracking page would say about a parcel.</summary>
/// <param name="Number">The tracking number.</param>
/// <param name="State">e.g. "in transit", "delivered".</param>
/// <param name="Detail">Order and item the parcel belongs to.</param>
/// <param name="Date">Promise or delivery date.</param>
public sealed record ParcelInfo(string Number, string State, string Detail, DateTimeOffset Date);

/// <summary>
/// Small HTML tracking pages (<c>/tracking/{trackingNumber}</c>) so the cards' tracking buttons work locally.
/// Not a supplier API: a stand-in for the carriers' sites.
/// </summary>
public static class TrackingPages
{
    /// <summary>Maps <c>{prefix}/tracking/{trackingNumber}</c>; <paramref name="lookup"/> returns null for an unknown parcel.</summary>
    public static IEndpointConventionBuilder MapTrackingPages(this IEndpointRouteBuilder endpoints, string prefix, Func<string, ParcelInfo?> lookup)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(lookup);
        return endpoints.MapGet(prefix + "/tracking/{trackingNumber}", (string trackingNumber) =>
        {
            var parcel = lookup(trackingNumber.Trim());
            return parcel is null
                ? Results.Content(Page($"Parcel {trackingNumber}", "unknown parcel: no shipment carries this tracking number."), "text/html; charset=utf-8", statusCode: 404)
                : Results.Content(Render(parcel), "text/html; charset=utf-8");
        });
    }

    /// <summary>The page for a parcel: "Parcel 00111102011034111111 — in transit …".</summary>
    public static string Render(ParcelInfo parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        var date = parcel.Date.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return Page($"Parcel {parcel.Number}", $"{parcel.State} — {parcel.Detail}; expected {date}.");
    }

    private static string Page(string title, string body)
    {
        var t = WebUtility.HtmlEncode(title);
        var b = WebUtility.HtmlEncode(body);
        return $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\n<body><h1>{t}</h1><p>{t} — {b}</p><p><small>OrderBot sandbox carrier page</small></p></body></html>\n";
    }
}
