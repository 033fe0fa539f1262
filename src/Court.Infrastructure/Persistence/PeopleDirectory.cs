using Court.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Court.Infrastructure.Persistence;

/// <summary>
/// <see cref="IPeople"/> over Identity's tables: the user by name, his title and court claims, his roles. A singleton
/// that opens its own scope, because documents are issued by the process manager as well as by requests.
/// </summary>
public sealed class PeopleDirectory(IServiceScopeFactory scopes) : IPeople
{
    public async Task<IReadOnlyDictionary<string, Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, Person>();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CourtDbContext>();
        var names = userIds.Distinct(StringComparer.Ordinal).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.PhoneNumber })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var claims = await db.UserClaims.AsNoTracking()
            .Where(c => ids.Contains(c.UserId) && (c.ClaimType == CourtUserClaims.Title || c.ClaimType == CourtUserClaims.Court))
            .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);

        return users.ToDictionary(
            u => u.UserName!,
            u =>
            {
                string? Claim(string type) => claims.FirstOrDefault(c => c.UserId == u.Id && c.ClaimType == type)?.ClaimValue;
                return new Person(
                    u.UserName!,
                    u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!,
                    Claim(CourtUserClaims.Title),
                    string.IsNullOrWhiteSpace(u.PhoneNumber) ? null : u.PhoneNumber,
                    Claim(CourtUserClaims.Court),
                    roles.Where(r => r.UserId == u.Id && r.Name is not null).Select(r => r.Name!).ToHashSet(StringComparer.Ordinal));
            },
            StringComparer.Ordinal);
    }
}
