namespace Court.Web.Tests.Bankruptcy.Support;

/// <summary>A court with no bankruptcy cases yet.</summary>
public sealed class EmptyCourt : BankruptcyApi;

/// <summary>An opened case with a building seized first by a district court and queued by the tax bureau.</summary>
public class ApiWithSeizedBuilding : BankruptcyApi
{
    public string CaseId { get; private set; } = "";

    public string AssetId { get; private set; } = "";

    public string FirstSeizure { get; private set; } = "";

    public string QueuedSeizure { get; private set; } = "";

    protected override async Task GivenAsync()
    {
        CaseId = await this.OpenCaseAsync();
        AssetId = await this.RegisterBuildingAsync(CaseId);
        FirstSeizure = await this.RecordSeizureAsync(AssetId);
        QueuedSeizure = await this.RecordSeizureAsync(AssetId, "国家税务总局重庆市江津区税务局", "渝江税封〔2021〕8号", "Queued");
    }
}

/// <summary>The seized building with a release request waiting for the judge.</summary>
public class ApiWithRequestedRelease : ApiWithSeizedBuilding
{
    public string RequestId { get; private set; } = "";

    protected override async Task GivenAsync()
    {
        await base.GivenAsync();
        RequestId = await this.RequestReleaseAsync(CaseId, AssetId, FirstSeizure, QueuedSeizure);
    }
}

/// <summary>An approved release: letters are out to the seizing bodies.</summary>
public class ApiWithApprovedRelease : ApiWithRequestedRelease
{
    protected override async Task GivenAsync()
    {
        await base.GivenAsync();
        await this.ApproveAsync(RequestId);
    }
}

/// <summary>The court's lifting ruling issued: the assisted-enforcement notice is in the bureau's inbox.</summary>
public class ApiWithNoticeAtTheBureau : ApiWithApprovedRelease
{
    public string NoticeId { get; private set; } = "";

    protected override async Task GivenAsync()
    {
        await base.GivenAsync();
        await this.IssueRulingAsync(RequestId);
        NoticeId = await this.NoticeIdOfAsync(RequestId);
    }
}

/// <summary>An opened case with nothing listed yet.</summary>
public class ApiWithOpenedCase : BankruptcyApi
{
    public string CaseId { get; private set; } = "";

    protected override async Task GivenAsync() => CaseId = await this.OpenCaseAsync();
}

/// <summary>An opened case with a building that no seizure binds: ready for disposal.</summary>
public class ApiWithFreeBuilding : ApiWithOpenedCase
{
    public string AssetId { get; private set; } = "";

    protected override async Task GivenAsync()
    {
        await base.GivenAsync();
        AssetId = await this.RegisterBuildingAsync(CaseId);
    }
}
