namespace Mailseal.Delivery.Smtp;

/// <summary>
/// A pooled connection the next hop closed while it was idle: found at the first reply of a transaction, before the
/// next hop accepted anything on it, so the transaction can start again on a fresh connection without a duplicate.
/// </summary>
internal sealed class StaleConnectionException : Exception
{
    public StaleConnectionException(Exception innerException)
        : base("The next hop closed the pooled connection.", innerException)
    {
    }

    public StaleConnectionException(string reply)
        : base($"The next hop closed the pooled connection: {reply}")
    {
    }
}
