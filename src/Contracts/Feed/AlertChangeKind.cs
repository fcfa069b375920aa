using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

public enum AlertChangeKind
{
    Raised,
    Updated,
}
