using CxLive.Alerts;

namespace CxLive.Feed;

public enum AlertChangeKind
{
    Raised,
    Updated,
}
