using Court.Application.Projections;
using Court.Domain.Bankruptcy;

namespace Court.Application.Bankruptcy.ReadModels;

public sealed class MeetingDecisionView
{
    public DateOnly MeetingOn { get; set; }

    public string Minutes { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The minutes as an issued document (GET /api/documents/{id}).</summary>
    public Guid DocumentId { get; set; }

    /// <summary>The minutes' number (the page at /documents/{number}); null until they are issued.</summary>
    public string? DocumentNumber { get; set; }
}

public sealed class MeetingActionView
{
    public string ActionId { get; set; } = "";

    /// <summary>The responsible unit's agency code.</summary>
    public string Owner { get; set; } = "";

    public DateOnly MeetingOn { get; set; }

    public string Description { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public bool Completed { get; set; }

    public string? Note { get; set; }

    public string? CompletedBy { get; set; }
}

/// <summary>
/// An item on the joint court–government meeting's agenda. Partition: <c>open</c> or <c>resolved</c>. Listed open
/// first, then by placing time (<c>agenda</c>), or by placing time (<c>placed</c>); counted per party; searched by case
/// number, party and summary.
/// </summary>
[Collection("bankruptcy.agenda")]
public sealed class AgendaItemView : IListed
{
    /// <summary>Open before resolved, then the earliest placed: the meeting's order.</summary>
    public const string SortByAgenda = "agenda";

    public const string SortByPlaced = "placed";

    /// <summary>The agency code or seizing body: the figures count open items per party.</summary>
    public const string PartyKey = "party";

    public string Id { get; set; } = "";

    public AgendaReason Reason { get; set; }

    public string SourceId { get; set; } = "";

    public string EstateId { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    /// <summary>The agency code, or the seizing body's name when it is not one of the pilot's agencies.</summary>
    public string Party { get; set; } = "";

    public string Summary { get; set; } = "";

    public DateTimeOffset PlacedAt { get; set; }

    public bool Resolved { get; set; }

    public string? ResolvedHow { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public List<MeetingDecisionView> Decisions { get; set; } = [];

    public List<MeetingActionView> Actions { get; set; } = [];

    public long Version { get; set; }

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByAgenda, Resolved ? "1" : "0", ListKey.Encode(PlacedAt)),
        ListKey.Time(SortByPlaced, PlacedAt),
        ListKey.Text(PartyKey, Party),
        ListKey.Search(CaseNumber, Party, Summary),
    ];

    /// <summary>The minutes of the decision recorded at <paramref name="version"/> of the item's stream: issued and linked under this id.</summary>
    public static Guid MinutesDocumentId(string itemId, long version) => BankruptcyProcess.DocumentId($"minutes:{itemId}:{version}");
}
