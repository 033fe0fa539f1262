using System.Security.Cryptography;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Infrastructure;

/// <summary>
/// Idempotency-Key for writes: the first response is stored in the database; the same key with the same body replays
/// it (also after a restart), the same key with another body is 422, and a key whose first request is still running
/// is 409. Keys are per caller, so two users cannot collide.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, CourtDbContext db, TimeProvider clock, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method) && !HttpMethods.IsDelete(request.Method)
            || !request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            await next(context);
            return;
        }

        var rawKey = values.ToString();
        if (rawKey.Length > 200)
        {
            await WriteProblem(context, problems, StatusCodes.Status400BadRequest, "The Idempotency-Key header is longer than 200 characters.");
            return;
        }

        request.EnableBuffering();
        var bodyHash = await HashAsync(request, context.RequestAborted);
        var key = $"{context.User.Identity?.Name ?? "anonymous"}|{rawKey}";

        var existing = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, context.RequestAborted);
        if (existing is null)
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord { Key = key, RequestHash = bodyHash, CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() });
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException ex) when (SqlDialect.IsUniqueViolation(ex))
            {
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already being processed.");
                return;
            }

            await RunAndStoreAsync(context, db, key);
            return;
        }

        if (!string.Equals(existing.RequestHash, bodyHash, StringComparison.Ordinal))
        {
            await WriteProblem(context, problems, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.");
            return;
        }

        if (existing.StatusCode == 0)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblem(context, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already being processed.");
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.ContentType is not null)
        {
            context.Response.ContentType = existing.ContentType;
        }

        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        if (existing.ETag is not null)
        {
            context.Response.Headers.ETag = existing.ETag;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task RunAndStoreAsync(HttpContext context, CourtDbContext db, string key)
    {
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // Nothing was decided: free the key so the client may retry.
            await db.IdempotencyKeys.Where(k => k.Key == key).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (status >= 500)
        {
            await db.IdempotencyKeys.Where(k => k.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var body = captured.ToArray();
            var contentType = context.Response.ContentType;
            var location = context.Response.Headers.Location.ToString();
            var etag = context.Response.Headers.ETag.ToString();
            await db.IdempotencyKeys.Where(k => k.Key == key).ExecuteUpdateAsync(
                s => s.SetProperty(k => k.StatusCode, status)
                    .SetProperty(k => k.Body, body)
                    .SetProperty(k => k.ContentType, contentType)
                    .SetProperty(k => k.Location, location.Length == 0 ? null : location)
                    .SetProperty(k => k.ETag, etag.Length == 0 ? null : etag),
                CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task WriteProblem(HttpContext context, IProblemDetailsService problems, int status, string title)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = status, Title = title } });
    }
}
