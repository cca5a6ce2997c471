using System.Linq.Expressions;

namespace TalkdeskPortal.Dashboard;

/// <summary>
/// Numbers the day a timestamp falls on inside SQL, provider-neutrally: a binary search of CASE WHEN over the day
/// boundaries (five comparisons for 30 days). Only comparisons are used, so it works through the SQLite
/// UnixMilliseconds converter, where date functions on the column would not.
/// </summary>
public static class DayBuckets
{
    /// <summary><c>row => new DayAndType { Day = i where start + i days &lt;= timestamp, Type = type(row) }</c>.</summary>
    public static Expression<Func<T, DayAndType>> Project<T>(Expression<Func<T, DateTimeOffset>> timestamp,
        Expression<Func<T, string>> type, DateTimeOffset start, int days)
    {
        var row = timestamp.Parameters[0];
        var bounds = Enumerable.Range(0, days + 1).Select(i => start.AddDays(i)).ToArray();
        var typeBody = new Rebind(type.Parameters[0], row).Visit(type.Body);
        return Expression.Lambda<Func<T, DayAndType>>(
            Expression.MemberInit(Expression.New(typeof(DayAndType)),
                Expression.Bind(typeof(DayAndType).GetProperty(nameof(DayAndType.Day))!, Search(timestamp.Body, bounds, 0, days)),
                Expression.Bind(typeof(DayAndType).GetProperty(nameof(DayAndType.Type))!, typeBody)),
            row);
    }

    private static Expression Search(Expression value, DateTimeOffset[] bounds, int low, int high)
    {
        if (high - low == 1) return Expression.Constant(low);
        var middle = (low + high) / 2;
        return Expression.Condition(
            Expression.LessThan(value, Expression.Constant(bounds[middle])),
            Search(value, bounds, low, middle),
            Search(value, bounds, middle, high));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public sealed class DayAndType
{
    public int Day { get; init; }
    public string Type { get; init; } = "";
}
