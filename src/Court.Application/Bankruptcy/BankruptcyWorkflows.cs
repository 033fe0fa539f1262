using Court.Domain.Bankruptcy;

namespace Court.Application.Bankruptcy;

/// <summary>The workflow definitions that drive bankruptcy's streams (workflows/*.json) (whose triggers are the command types of the slices).</summary>
public static class BankruptcyWorkflows
{
    public const string Release = "bankruptcy-asset-release";
    public const string Notice = "bankruptcy-assisted-enforcement-notice";
    public const string Disposal = "bankruptcy-asset-disposal";

    public static string ReleaseStream(string requestId) => ReleaseRequest.StreamPrefix + requestId;

    public static string NoticeStream(string noticeId) => Domain.Bankruptcy.Notice.StreamPrefix + noticeId;

    public static string DisposalStream(string assetId) => Domain.Bankruptcy.Disposal.StreamPrefix + assetId;
}
