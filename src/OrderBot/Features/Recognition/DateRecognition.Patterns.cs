using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

/// <summary>The words around a date phrase that change its window (see DateRecognition.cs).</summary>
internal static partial class DateRecognition
{
    /// <summary>A cheap pre-check: no digit, month, weekday or relative word means no date to look for.</summary>
    [GeneratedRegex(@"\d|today|tomorrow|yesterday|week|month|year|quarter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|heute|morgen|gestern|woche|monat|jahr|aujourd|demain|hier|semaine|mois|année|an\b|hoy|mañana|ayer|semana|mes|año|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|janv|févr|avr|mai|juin|juil|août|sept|déc|januar|februar|märz|april|juni|juli|august|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MayHoldDate();

    [GeneratedRegex(@"^XXXX-WXX-\d$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayTimex();

    /// <summary>Words only English has, so an English message typed by a French, German or Spanish user reads as English.</summary>
    [GeneratedRegex(@"\b(?:what|what's|whats|due|next|last|since|week|tomorrow|yesterday|today|shipped|orders|between|until|till|by|this|month|days|the|arrivals?|anything)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"^(?<y>\d{4})-W(?<w>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekTimex();

    [GeneratedRegex(@"\b(?:this|current|so far|cette|ce|cet|diese[rsn]?|esta|este)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThisWord();

    [GeneratedRegex(@"^\s*(?:before|prior to|avant|vor|antes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BeforeWord();

    [GeneratedRegex(@"^\s*(?:after|après|apres|nach|después de|despues de)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterWord();

    [GeneratedRegex(@"\b(?:since|as of|starting|seit|depuis|desde|ab)\s*(?:the\s+|dem\s+|le\s+|el\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceBefore();

    [GeneratedRegex(@"^\((?:[^,]*),(?:[^,]*),P(?<d>\d{1,4})D\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeDays();

    [GeneratedRegex(@"\bpast\s+(?<u>week|month|year)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastUnit();

    [GeneratedRegex(@"\b(?:quarter|trimestre|quartal)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterWord();

    [GeneratedRegex(@"\b(?:next|coming|prochains?|nächsten|próximos?)\s+(?<n>\d{1,3})\s+(?<u>days?|weeks?|jours|tage[n]?|días)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextDays();
}
