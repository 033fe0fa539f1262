using Court.Application.Service.AgentDocuments;
using Court.Domain.Common;
using Court.Domain.Service;
using Court.Web.Endpoints;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Court.Web.Pages.Documents;

/// <summary>
/// The registry officer's check of a lawyer (/verify/agent, decision 0096): licence, case number and the document he
/// shows; the answer is only whether it names him as the agent of record in the case and whether it is in force.
/// Signed in as registry staff the document's number is enough; the public gives its verification code. Rate-limited like /verify.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DocumentEndpoints.VerifyPolicy)]
public sealed class VerifyAgentModel(ISender mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "licence")]
    public string? Licence { get; set; }

    [BindProperty(SupportsGet = true, Name = "caseNumber")]
    public string? CaseNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "document")]
    public string? Document { get; set; }

    public AgentCheckAnswer? Answer { get; private set; }

    /// <summary>What was wrong with the input, by field (licence, caseNumber, document), in the caller's language.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrWhiteSpace(Licence) && string.IsNullOrWhiteSpace(CaseNumber) && string.IsNullOrWhiteSpace(Document))
        {
            return;
        }

        try
        {
            Answer = await mediator.Send(new CheckAgentOfRecord(Licence, CaseNumber, Document), cancellationToken);
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                Errors.TryAdd(error.PropertyName, error.ErrorMessage);
            }
        }
        catch (DomainException refused) when (refused.Error.Field is { } field)
        {
            Errors.TryAdd(field, Language.Say(refused.Error.MessageZh ?? refused.Error.Message, refused.Error.Message));
        }
    }
}
