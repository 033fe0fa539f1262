using Court.Application.Common;
using Court.Application.EventStore;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Service;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Application.Service;

/// <summary>
/// Starts the period of every published, not yet served public notice that has none: notices published before
/// <c>workflows/public-notice.v1.json</c> existed, whose publication the process manager had passed before the reaction
/// that starts a period was there, so no timer would ever deem them served (decision 0075). Run at start-up after the
/// migrations. The services desk's channel key finds the public notices (few: the last resort); whether one is
/// published, served or its file closed is read from the file's recorded state, not the desk's computed status.
/// Running it again starts nothing: a notice with a period is left alone.
/// </summary>
public sealed class PublicNoticePeriodBackfill(IServiceScopeFactory scopes, IReadModels readModels, WorkflowCatalog catalog)
{
    /// <summary>Answers the notices whose period it started.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = new List<string>();
        var cases = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var request = new PageRequest(ServiceView.SortByOrdered) { Limit = PageRequest.MaxLimit, After = after };
            request.Filters[ServiceView.ChannelKey] = [ServiceCodes.Code(ServiceChannel.PublicNotice)];
            var page = await readModels.PageAsync<ServiceView>(request, cancellationToken);
            cases.UnionWith(page.Items.Select(v => v.CaseId));
            after = page.Next;
        }
        while (after is not null);

        foreach (var caseId in cases.Order(StringComparer.Ordinal))
        {
            var file = await readModels.GetAsync<ServiceFileView>(caseId, cancellationToken);
            if (file?.File is null || IsClosed(file))
            {
                continue;
            }

            foreach (var notice in file.Services.Where(s => s.Ordered.Channel == ServiceChannel.PublicNotice && s.Publication is not null && s.DeemedServedOn is null))
            {
                if (await StartAsync(caseId, notice.ServiceId, cancellationToken))
                {
                    started.Add(PublicNoticePeriod.IdOf(caseId, notice.ServiceId));
                }
            }
        }

        return started;
    }

    private bool IsClosed(ServiceFileView file) =>
        file.WorkflowVersion is { } version && catalog.Find(ServiceFiles.WorkflowId, version)?.FindState(file.State) is { Final: true };

    private async Task<bool> StartAsync(string caseId, string serviceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScopeAs(FixedCaller.System());
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        if (await runtime.LoadAsync(PublicNoticePeriod.StreamPrefix + PublicNoticePeriod.IdOf(caseId, serviceId), cancellationToken) is not null)
        {
            return false;
        }

        // A fixed key: two nodes starting at once (or a crash and a rerun) append the start once.
        var execution = scope.ServiceProvider.GetRequiredService<WorkflowExecution>();
        execution.IdempotencyKey = $"backfill:public-notice-period:{caseId}/{serviceId}";
        try
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new StartPublicNoticePeriod(caseId, serviceId), cancellationToken);
            return true;
        }
        catch (DuplicateEventIdException)
        {
            return false;
        }
    }
}
