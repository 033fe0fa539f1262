using Court.Infrastructure.EventStore;

namespace Court.Application.Tests.EventStore;

/// <summary>The chain's definition is part of every stored log: these vectors were computed independently (Python hashlib).</summary>
public sealed class EventHashTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_fields_joined_by_newlines()
    {
        var hash = EventHash.Compute("ab12", "counter-1", 3, Guid.Parse("0196a7c1-0f00-7a00-9c1e-5b7f0d3a2e11"), "test.counter-opened.v1", 1650677400000, """{"name":"法院"}""", """{"userId":"clerk"}""");

        Assert.Equal("6c3d2592d6ee5412da9aeee43e378de7e1c6b6202b653a22d08f86a6ab92ba0c", hash);
    }

    [Fact]
    public void Empty_fields_still_hash_to_the_fixed_vector()
    {
        Assert.Equal("102cba9bf5a0d7e0c663cbc5b39ede1a32a62bbc036665da7c1c9a419425e920", EventHash.Compute("", "s", 0, Guid.Empty, "t", 0, "", ""));
    }
}
