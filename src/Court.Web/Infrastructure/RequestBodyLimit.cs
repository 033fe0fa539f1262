using Microsoft.AspNetCore.Http.Metadata;

namespace Court.Web.Infrastructure;

/// <summary>
/// Holds every request body to its endpoint's size limit (<see cref="IRequestSizeLimitMetadata"/>) before anything
/// reads it — the Idempotency-Key layer hashes the body before the endpoint binds it — and whichever server runs the
/// host (Kestrel enforces the limit itself; the test server does not). Over the limit is one answer: a 413 problem.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit)
        {
            if (context.Request.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }

        return next(context);
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Reads through to the body and fails once more than the limit has been read (a body sent without Content-Length).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw TooLarge(limit) : n;
        }
    }
}
