using System.Net;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Security;

/// <summary>Password guessing is slowed per address; people signing in are not (an app of its own: the limit holds for a minute).</summary>
public sealed class SignInLimitTests
{
    [Fact]
    public async Task Ten_wrong_passwords_a_minute_stop_an_address_but_any_number_of_good_sign_ins_do_not()
    {
        using var app = new CxLiveApp(SecuredAppFixture.People);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        Task<HttpResponseMessage> SignInAsync(string password) =>
            http.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = password }));

        // A shift starting behind one proxy address: every good sign-in counted, and the eleventh was refused.
        for (var i = 0; i < SignInAttempts.FailuresPerMinute + 5; i++)
        {
            Assert.Equal("/", (await SignInAsync(SecuredAppFixture.Password)).Headers.Location?.OriginalString);
        }

        // Guesses sent all at once: the password check takes a while, and each must be counted before it.
        var guesses = await Task.WhenAll(Enumerable.Range(0, SignInAttempts.FailuresPerMinute + 6).Select(i => SignInAsync("guess " + i)));
        Assert.Equal(SignInAttempts.FailuresPerMinute, guesses.Count(g => g.Headers.Location?.OriginalString == "/login?error=1&returnUrl="));
        Assert.Equal(6, guesses.Count(g => g.StatusCode == HttpStatusCode.TooManyRequests));

        var refused = await SignInAsync(SecuredAppFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // The sign-in page's form, from a browser: back to the page, which says how long to wait (it showed the 429's JSON).
        using var fromPage = new HttpRequestMessage(HttpMethod.Post, "login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = SecuredAppFixture.Password, ["returnUrl"] = "/agent" }),
        };
        fromPage.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var sentBack = await http.SendAsync(fromPage);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Matches(@"^/login\?error=throttled&retry=([1-9]|[1-5][0-9]|60)&returnUrl=%2Fagent$", sentBack.Headers.Location?.OriginalString);
    }
}
