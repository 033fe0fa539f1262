using System.Security.Cryptography;
using Court.Application.EventStore;
using Court.Application.Workflows;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Infrastructure;

/// <summary>Bound from <c>Court:Idempotency</c>.</summary>
public sealed class IdempotencySettings
{
    /// <summary>How long a key and its stored answer are kept; an older key counts as unused (and is pruned).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key without renewing it. A holder that died stops renewing, and a retry
    /// after this much time takes the key over instead of being told 409 forever.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Where a test makes the host "die" in the middle of a keyed request: the row is left as a crash would leave it.</summary>
public enum IdempotencyCrash
{
    None,

    /// <summary>After the key is taken, before the command runs.</summary>
    BeforeCommand,

    /// <summary>After the command ran (its events committed), before the answer is stored.</summary>
    AfterCommand,
}

/// <summary>The fault seam (a singleton); production never sets it.</summary>
public sealed class IdempotencyFaults
{
    public IdempotencyCrash Crash { get; set; }
}

/// <summary>
/// Idempotency-Key for writes (decisions 0054, 0110): the first final answer is stored; the same key with the same body
/// replays it (also after a restart, on any node), the same key with another body is 422, and a key whose first
/// request is still running is 409 with Retry-After. The command runs with the key as its
/// <see cref="WorkflowExecution.IdempotencyKey"/>, so a retry of a request cut off by a crash (its holder stopped
/// renewing the lease) re-runs as an idempotent replay: exactly one effect, and the first run's answer.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Answers never stored: signing in is not a change, and a token must not be replayed to whoever presents the key.</summary>
    private static readonly PathString TokenPath = "/api/auth/token";

    /// <summary>Whether a request of this method to this path takes an Idempotency-Key; the OpenAPI document declares the header by the same rule.</summary>
    public static bool Covers(string method, PathString path) =>
        (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
        && !path.StartsWithSegments(TokenPath, StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, CourtDbContext db, TimeProvider clock, IProblemDetailsService problems, IdempotencySettings settings, IdempotencyFaults faults)
    {
        var request = context.Request;
        if (!Covers(request.Method, request.Path)
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
        var holder = Guid.NewGuid().ToString("N");

        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var existing = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, context.RequestAborted);
            if (existing is not null && existing.CreatedAt <= now - (long)settings.Retention.TotalMilliseconds)
            {
                // Expired but not yet pruned: the key is free again.
                await db.IdempotencyKeys.Where(k => k.Key == key && k.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(context.RequestAborted);
                existing = null;
            }

            if (existing is null)
            {
                db.IdempotencyKeys.Add(new IdempotencyRecord { Key = key, RequestHash = bodyHash, CreatedAt = now, Holder = holder, LeaseUntil = now + (long)settings.Lease.TotalMilliseconds });
                try
                {
                    await db.SaveChangesAsync(context.RequestAborted);
                }
                catch (DbUpdateException ex) when (SqlDialect.IsUniqueViolation(ex) && attempt == 0)
                {
                    // Another request took the key this instant: answer as to any other holder.
                    db.ChangeTracker.Clear();
                    continue;
                }

                await RunAndStoreAsync(context, db, clock, settings, faults, problems, key, holder);
                return;
            }

            if (!string.Equals(existing.RequestHash, bodyHash, StringComparison.Ordinal))
            {
                await WriteProblem(context, problems, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.");
                return;
            }

            if (existing.StatusCode == 0)
            {
                if (existing.LeaseUntil > now)
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (existing.LeaseUntil - now + 999) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await WriteProblem(context, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already being processed.");
                    return;
                }

                // The holder stopped renewing its lease (it died): take the key over and run again, as a replay.
                var taken = await db.IdempotencyKeys
                    .Where(k => k.Key == key && k.StatusCode == 0 && k.Holder == existing.Holder && k.LeaseUntil == existing.LeaseUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.Holder, holder).SetProperty(k => k.LeaseUntil, now + (long)settings.Lease.TotalMilliseconds), context.RequestAborted);
                if (taken == 1)
                {
                    await RunAndStoreAsync(context, db, clock, settings, faults, problems, key, holder);
                    return;
                }

                if (attempt == 0)
                {
                    continue;
                }

                context.Response.Headers.RetryAfter = "1";
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is already being processed.");
                return;
            }

            await ReplayAsync(context, existing);
            return;
        }
    }

    /// <summary>
    /// Whether an answer is the request's outcome, to be replayed: 2xx, 3xx and 4xx, except those that say "not now"
    /// or "not you" rather than "no" (401, 408, 429) and a write conflict without If-Match, which a retry may pass.
    /// </summary>
    public static bool IsStored(int status, Exception? exception) =>
        status < 500 && status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests)
        && !(exception is WrongExpectedVersionException && status == StatusCodes.Status409Conflict);

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord existing)
    {
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

    private async Task RunAndStoreAsync(HttpContext context, CourtDbContext db, TimeProvider clock, IdempotencySettings settings, IdempotencyFaults faults, IProblemDetailsService problems, string key, string holder)
    {
        if (faults.Crash == IdempotencyCrash.BeforeCommand)
        {
            context.Abort();
            return;
        }

        // Events and minted ids derive from the key: a re-run after a crash replays the first run's append.
        var execution = context.RequestServices.GetRequiredService<WorkflowExecution>();
        execution.IdempotencyKey = ExecutionKey(key);
        execution.KeyFromRequest = true;
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(context.RequestServices.GetRequiredService<IServiceScopeFactory>(), clock, settings, key, holder, renewing.Token);
        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        Exception? failure = null;
        try
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (ProblemMapping.ToProblem(context, ex) is { Status: { } refused } problem && IsStored(refused, ex))
            {
                // A refusal is an outcome like any other: store it, so the same request is refused the same way.
                failure = ex;
                context.Response.Clear();
                context.Response.StatusCode = refused;
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = ex });
            }
        }
        catch
        {
            // Nothing final was decided: free the key so the client may retry (a re-run replays what did commit).
            await renewing.CancelAsync();
            await renewal;
            await db.IdempotencyKeys.Where(k => k.Key == key && k.Holder == holder && k.StatusCode == 0).ExecuteDeleteAsync(CancellationToken.None);
            context.Response.Body = original;
            throw;
        }

        context.Response.Body = original;
        await renewing.CancelAsync();
        await renewal;
        if (faults.Crash == IdempotencyCrash.AfterCommand)
        {
            context.Abort();
            return;
        }

        var status = context.Response.StatusCode;
        if (!IsStored(status, failure))
        {
            await db.IdempotencyKeys.Where(k => k.Key == key && k.Holder == holder && k.StatusCode == 0).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var body = captured.ToArray();
            var contentType = context.Response.ContentType;
            var location = context.Response.Headers.Location.ToString();
            var etag = context.Response.Headers.ETag.ToString();
            await db.IdempotencyKeys.Where(k => k.Key == key && k.Holder == holder && k.StatusCode == 0).ExecuteUpdateAsync(
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

    /// <summary>The key as the command sees it: per caller, and short whatever the client sent.</summary>
    public static string ExecutionKey(string key) =>
        "http:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];

    /// <summary>Keeps the lease while the request runs, on a context of its own (the request's is busy).</summary>
    private static async Task RenewAsync(IServiceScopeFactory scopes, TimeProvider clock, IdempotencySettings settings, string key, string holder, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.Lease / 3, clock, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
                var until = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)settings.Lease.TotalMilliseconds;
                await db.IdempotencyKeys.Where(k => k.Key == key && k.Holder == holder && k.StatusCode == 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LeaseUntil, until), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed renewal only risks a second, idempotent run of this request; it must not fail the request.
        }
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
