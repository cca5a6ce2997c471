using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalkdeskPortal.Data;

/// <summary>The same instant at offset zero, which is all PostgreSQL's timestamptz accepts from Npgsql.</summary>
public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
