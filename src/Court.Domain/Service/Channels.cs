namespace Court.Domain.Service;

/// <summary>How a document travels to its recipient (CPL Arts. 87–95).</summary>
public enum ServiceChannel
{
    /// <summary>法院专递: EMS with an electronic waybill and a return receipt.</summary>
    JudicialExpress,

    /// <summary>The court's service platform (电子送达平台).</summary>
    Platform,

    /// <summary>SMS with a link; the text carries the document's verification code.</summary>
    Sms,

    Email,

    /// <summary>直接送达: handed over by court staff.</summary>
    Direct,

    /// <summary>留置送达: left after refusal, with witnesses or a video record (CPL Art. 89).</summary>
    LeftAfterRefusal,

    /// <summary>委托送达: by another court.</summary>
    Entrusted,

    /// <summary>转交送达: through the recipient's unit, prison or army unit.</summary>
    Forwarded,

    /// <summary>公告送达: deemed served 30 days after publication; not in simple or small-claims procedure.</summary>
    PublicNotice,
}

public static class ServiceChannels
{
    /// <summary>The channel as documents and messages name it in Chinese.</summary>
    public static string NameZh(this ServiceChannel channel) => channel switch
    {
        ServiceChannel.JudicialExpress => "法院专递",
        ServiceChannel.Platform => "电子送达（送达平台）",
        ServiceChannel.Sms => "电子送达（短信）",
        ServiceChannel.Email => "电子送达（电子邮件）",
        ServiceChannel.Direct => "直接送达",
        ServiceChannel.LeftAfterRefusal => "留置送达",
        ServiceChannel.Entrusted => "委托送达",
        ServiceChannel.Forwarded => "转交送达",
        _ => "公告送达",
    };

    public static bool IsElectronic(this ServiceChannel channel) => channel is ServiceChannel.Platform or ServiceChannel.Sms or ServiceChannel.Email;

    /// <summary>Channels whose outcome a person at the court records from a signed receipt or a record of refusal.</summary>
    public static bool IsByHand(this ServiceChannel channel) => channel is ServiceChannel.Direct or ServiceChannel.LeftAfterRefusal or ServiceChannel.Entrusted or ServiceChannel.Forwarded;
}
