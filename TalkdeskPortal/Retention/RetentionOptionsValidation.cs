using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Retention;

/// <summary>Refuses to start with a window that would erase everything at once, or a schedule Hangfire cannot read.</summary>
public sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        if (options.EventPayloadsAfter <= TimeSpan.Zero) errors.Add("Retention:EventPayloadsAfter must be positive.");
        if (options.UninstalledTenantAfter is { } after && after <= TimeSpan.Zero)
            errors.Add("Retention:UninstalledTenantAfter must be positive, or empty for off.");
        if (options.BatchPause < TimeSpan.Zero || options.BatchPause > TimeSpan.FromMinutes(1))
            errors.Add("Retention:BatchPause must be from 0 to 00:01:00.");
        if (options.Scheduled && options.Cron!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
            errors.Add($"Retention:Cron '{options.Cron}' is not a cron expression (5 or 6 fields; empty for off).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
