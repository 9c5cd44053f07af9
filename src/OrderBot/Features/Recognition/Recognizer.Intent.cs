using System.Text.RegularExpressions;

namespace OrderBot.Features.Recognition;

public sealed partial class Recognizer
{
    /// <summary>
    /// The intent, from cue phrases in the normalized text (lower case, one space between words) and the entities
    /// found. Rules are tried from the most specific (alert management, settings) to the most general (a bare
    /// identifier is a status question; filters alone are a list).
    /// </summary>
    private static string DecideIntent(string words, EntityBag entities)
    {
        if (words.Length <= 2)
        {
            return Intents.None;
        }

        var identified = entities.Has(EntityKeys.Po) || entities.Has(EntityKeys.Order) || entities.Has(EntityKeys.Ref);
        if (!identified && HelpQuestion().IsMatch(words))
        {
            return Intents.Help;
        }

        if (UnsubscribeCue().IsMatch(words))
        {
            return Intents.AlertsUnsubscribe;
        }

        if (AlertsListCue().IsMatch(words))
        {
            return Intents.AlertsList;
        }

        if (SubscribeCue().IsMatch(MentionedAlert().Replace(words, " ")))
        {
            return Intents.AlertsSubscribe;
        }

        if (SettingsCue().IsMatch(words))
        {
            return Intents.SettingsSet;
        }

        if (entities.Has(EntityKeys.Code))
        {
            return Intents.HoldCodeExplain;
        }

        if (ChangeCue().IsMatch(words) && (identified || OrderWord().IsMatch(words)))
        {
            return Intents.OrderChange;
        }

        // A product's catalog number is found within an order's lines: with the order, its items; without, the
        // status handler says it needs the order (no supplier searches by product).
        if (entities.Has(EntityKeys.Catalog))
        {
            return identified ? Intents.OrderItems : Intents.OrderStatus;
        }

        if (entities.Has(EntityKeys.Late) && !identified)
        {
            return Intents.OrderList;
        }

        var filtered = entities.Has(EntityKeys.Status) || entities.Has(EntityKeys.Hold) || entities.Has(EntityKeys.From) ||
            entities.Has(EntityKeys.To) || entities.Has(EntityKeys.Supplier) || entities.Has(EntityKeys.Country) ||
            entities.Has(EntityKeys.Account);
        // "orders arriving this month" asks for a list by delivery date, not for one order's parcels.
        if (!identified && entities.Has(EntityKeys.DateOn) && (entities.Has(EntityKeys.From) || entities.Has(EntityKeys.To)) && ListCue().IsMatch(words))
        {
            return Intents.OrderList;
        }

        if (TrackCue().IsMatch(words))
        {
            return Intents.ShipmentTrack;
        }

        if (entities.Has(EntityKeys.Item) || ItemsCue().IsMatch(words))
        {
            return Intents.OrderItems;
        }

        if (identified)
        {
            return Intents.OrderStatus;
        }

        // "is the order on hold" asks about one order the user has not named yet; the dialog asks which.
        if (!ListCue().IsMatch(words) && SingularOrder().IsMatch(words))
        {
            return Intents.OrderStatus;
        }

        if (ListCue().IsMatch(words) || (filtered && !GreetingOnly().IsMatch(words)))
        {
            return Intents.OrderList;
        }

        if (StatusCue().IsMatch(words))
        {
            return Intents.OrderStatus;
        }

        return GreetingOrHelp().IsMatch(words) ? Intents.Help : Intents.None;
    }

    /// <summary>
    /// An alert talked about, not asked for: "the alert was wrong", "this notification says…" (often a quoted or
    /// forwarded message). Removed before the subscribe cue is looked for, unless it is being set up ("set up an alert",
    /// "I'd like the alerts for PO X").
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:set up|setup|create|add|get|give|send|want|need|like|make|turn on|switch on|enable|start)(?: me| us)? )\b(?:the|this|that|these|those|your|my|its|an|yesterday's|today's|last) (?:alerts?|notifications?)\b(?! (?:me|us|the team|this|when|if|for|on|about|as soon)\b)", Options)]
    private static partial Regex MentionedAlert();

    [GeneratedRegex(@"^ (?:(?:pls|please|plz|hey|hi|ok|so|quick one)[ ]+)*(?:(?:show (?:me )?(?:the )?)?help|\?|what can you do|what do you do|what can i (?:ask|do|say)|how do (?:i|you|we)|how does (?:this|it) work|commands|usage|menu|who are you|what are you|what is this|show (?:me )?(?:the )?commands)\b| what can you do ", Options)]
    private static partial Regex HelpQuestion();

    [GeneratedRegex(@"\b(?:unsubscribe|unwatch|unfollow)\b|\b(?:stop|unsubscribe|unwatch|unfollow|mute|cancel|turn off|switch off|disable|remove|delete|end|no more|don't|do not|quit)\b.*\b(?:alerts?|alerting|notifications?|notify(?:ing)?|watch(?:ing)?|subscriptions?|subscribed|following|follow|monitoring|monitor|pings?|pinging|updates)\b", Options)]
    private static partial Regex UnsubscribeCue();

    [GeneratedRegex(@"\bwhat (?:am i|are we|is this channel|is this team) (?:watching|subscribed|following|monitoring)\b|\bwhich (?:orders|pos|purchase orders|suppliers) (?:am i|are we|is this channel|does this channel) (?:watching|following|subscribed|monitoring)\b|\bwhich (?:orders|pos|purchase orders) (?:do|did) (?:i|we) (?:watch|follow|monitor|subscribe to)\b|\b(?:list|show|view|see|display|which|what|any|get)(?: \S+){0,3} (?:alerts|subscriptions|watches|watchlist|watch list)\b|\bmy (?:alerts|subscriptions|watchlist|watch list)\b|\bwhat (?:alerts|subscriptions)\b", Options)]
    private static partial Regex AlertsListCue();

    [GeneratedRegex(@"\b(?:alert|alerts|notify|notification|notifications|watch|subscribe|follow|monitor|ping|warn|keep (?:an )?eye|let (?:me|us|the team) know|tell (?:me|us) (?:when|if|as soon)|keep (?:me|us|the team) (?:posted|updated|informed|in the loop))\b", Options)]
    private static partial Regex SubscribeCue();

    [GeneratedRegex(@"\b(?:set|change|update|switch|use|save|remember|configure)\b(?: \S+){0,4}? (?:country|customer (?:number|no|id|account)|account(?: number| no| id)?|purchaser(?: id)?|time ?zone|tz|locale|language|defaults?|myse(?: id)?)\b|\b(?:my|our) (?:\S+ ){0,3}(?:country|customer (?:number|no|id)|account(?: number| no| id)?|purchaser id|time ?zone|tz) (?:is|to|should be)\b|\bi(?: am|'m) (?:based |located )?in\b|\bdefault (?:country|supplier|account)\b", Options)]
    private static partial Regex SettingsCue();

    [GeneratedRegex(@"\b(?:track|tracking|trace|eta|parcel|package|courier|carrier|waybill|consignment|in transit|shipping status|shipment status|delivery (?:date|status|time)|arrive|arriving|arrival|be delivered|get delivered|delivered when|when will (?:it|they|this|that|my order|the order|we|i) (?:ship|arrive|be|get)|(?:where|when) (?:is|are|was) (?:my|the|our) (?:shipment|shipments|delivery|deliveries|parcel|package))\b", Options)]
    private static partial Regex TrackCue();

    [GeneratedRegex(@"\b(?:items|item|lines|line items|products|product lines|skus|parts|contents|positions|what's in|what is in|what was in|what's on(?! hold)|what is on(?! hold)|what did (?:i|we) order)\b", Options)]
    private static partial Regex ItemsCue();

    [GeneratedRegex(@"\b(?:orders|pos|purchase orders|list|show|display|which|how many|search|all (?:my|our) orders|anything|any order)\b", Options)]
    private static partial Regex ListCue();

    [GeneratedRegex(@"\b(?:orders?|pos?|purchase orders?|line|lines|items?)\b", Options)]
    private static partial Regex OrderWord();

    [GeneratedRegex(@"\b(?:my|the|this|that|our) (?:order|po|purchase order)\b", Options)]
    private static partial Regex SingularOrder();

    [GeneratedRegex(@"\b(?:status|where is|where's|what's up|what is up|what's happening|what's going on|update on|news on|check on|progress|state of|happened to|order)\b", Options)]
    private static partial Regex StatusCue();

    [GeneratedRegex(@"^ (?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings|bonjour|hallo|hola)(?: there| bot| orderbot| team)? $", Options)]
    private static partial Regex GreetingOnly();

    [GeneratedRegex(@"^ (?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings|bonjour|hallo|hola)\b|\bhelp\b|\bhelp me\b|\bwhat can you\b|\binstructions\b|\bcommands\b", Options)]
    private static partial Regex GreetingOrHelp();
}
