using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Security;
using Microsoft.Playwright;

namespace CxLive.Tests.Integration.Browser;

/// <summary>A signed-in person on a page their role does not open, on an install where the API reference is for admins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefusedPageBrowserTests(BrowserFixture browser, ApiReferenceAccessTests.AdminsOnly install) : BrowserTest, IClassFixture<ApiReferenceAccessTests.AdminsOnly>
{
    protected override BrowserFixture Pages => browser;

    /// <summary>She read "Your role does not allow this page. Sign out and in as someone else: POST /logout." in English, on a blank page.</summary>
    [Fact]
    public async Task A_supervisor_who_opens_the_admins_API_reference_is_told_in_her_language_with_the_way_back_and_out()
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        await context.AddInitScriptAsync("localStorage.setItem('cxlive.lang', 'zh-CN')");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(install.App.BaseAddress, "/scalar/").ToString());
        await SignInBrowserTests.SignInAsync(page, "zhang.min");

        // Whose page it is: "this page" alone left her to guess whom to ask, or to sign in as.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("此页面仅供管理员使用，您的账号不是管理员。如需使用，请联系管理员，或退出登录后以管理员身份登录。");
        var refused = await page.ReloadAsync();
        Assert.Equal(403, refused!.Status); // still a refusal to a program that reads the status
        Assert.Equal(SecurityHeaders.PagePolicy, await refused.HeaderValueAsync("content-security-policy")); // CxLive's page, not the reference's looser policy
        await Assertions.Expect(page).ToHaveTitleAsync("CxLive — 无权打开");
        await Assertions.Expect(page.Locator(".who .user")).ToHaveTextAsync("zhang.min");
        await Assertions.Expect(page.Locator(".who button")).ToHaveTextAsync("退出登录");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "refused-page-zh.png") });

        await page.SelectOptionAsync("#lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This page is for admins, and your sign-in is not one. Ask an admin if you need it, or sign out and sign in as an admin.");

        // The way back: her wall.
        await page.ClickAsync(".nav a[href='/']");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await context.CloseAsync();
    }
}
