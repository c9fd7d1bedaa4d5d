/// The simulated company website and the outside world its users visit: pages, their sizes,
/// browsers, domains. Everything here is a literal so that copying it into packets and log records
/// never allocates.
package enum WebCatalog {
    /// A page a visitor may ask for, with how often visitors do.
    package struct Page: Sendable {
        package var method: HTTPRequest.Method
        package var path: String
        package var referrer: String?
        /// Bytes of the request on the wire, headers included.
        package var requestSize: Int

        package var isLoginPost: Bool { method == .post && path == WebCatalog.loginPath }
    }

    package static let loginPath = "/login"

    /// What ordinary visitors browse. A few ask for a page that no longer exists (404s are normal).
    package static let browsing = WeightedChoice<Page>([
        (Page(method: .get, path: "/", referrer: nil, requestSize: 420), weight: 20),
        (Page(method: .get, path: "/products", referrer: "http://shop.example.com/", requestSize: 450), weight: 12),
        (
            Page(method: .get, path: "/products/1", referrer: "http://shop.example.com/products", requestSize: 460),
            weight: 3
        ),
        (
            Page(method: .get, path: "/products/2", referrer: "http://shop.example.com/products", requestSize: 460),
            weight: 3
        ),
        (
            Page(method: .get, path: "/products/3", referrer: "http://shop.example.com/products", requestSize: 460),
            weight: 3
        ),
        (
            Page(method: .get, path: "/products/4", referrer: "http://shop.example.com/products", requestSize: 460),
            weight: 3
        ),
        (
            Page(method: .get, path: "/products/5", referrer: "http://shop.example.com/products", requestSize: 460),
            weight: 3
        ),
        (Page(method: .get, path: "/about", referrer: "http://shop.example.com/", requestSize: 430), weight: 4),
        (Page(method: .get, path: "/contact", referrer: "http://shop.example.com/about", requestSize: 440), weight: 3),
        (Page(method: .get, path: "/login", referrer: "http://shop.example.com/", requestSize: 430), weight: 8),
        (Page(method: .post, path: loginPath, referrer: "http://shop.example.com/login", requestSize: 640), weight: 6),
        (Page(method: .get, path: "/account", referrer: "http://shop.example.com/login", requestSize: 470), weight: 4),
        (
            Page(method: .get, path: "/static/app.css", referrer: "http://shop.example.com/", requestSize: 400),
            weight: 10
        ),
        (
            Page(method: .get, path: "/static/app.js", referrer: "http://shop.example.com/", requestSize: 400),
            weight: 10
        ),
        (
            Page(method: .get, path: "/images/logo.png", referrer: "http://shop.example.com/", requestSize: 410),
            weight: 8
        ),
        (
            Page(method: .get, path: "/search?q=shoes", referrer: "http://shop.example.com/products", requestSize: 450),
            weight: 3
        ),
        (Page(method: .get, path: "/favicon.ico", referrer: nil, requestSize: 380), weight: 2),
        (Page(method: .get, path: "/old-catalog", referrer: nil, requestSize: 420), weight: 1),
    ])

    /// What the LAN's staff open on the company server.
    package static let intranet = WeightedChoice<Page>([
        (Page(method: .get, path: "/intranet", referrer: nil, requestSize: 430), weight: 5),
        (
            Page(
                method: .get, path: "/intranet/wiki", referrer: "http://intranet.example.com/intranet", requestSize: 440
            ), weight: 3
        ),
        (
            Page(
                method: .get, path: "/intranet/tickets", referrer: "http://intranet.example.com/intranet",
                requestSize: 450), weight: 2
        ),
    ])

    /// Response body sizes of the pages the server has; any other path is a 404.
    package static let pageBytes: [String: Int] = [
        "/": 5_120, "/products": 8_704, "/products/1": 3_312, "/products/2": 3_298, "/products/3": 3_410,
        "/products/4": 3_276, "/products/5": 3_389, "/about": 2_944, "/contact": 1_872, "/login": 1_536,
        "/account": 2_688, "/static/app.css": 14_336, "/static/app.js": 38_912, "/images/logo.png": 6_144,
        "/search": 4_480, "/favicon.ico": 1_150, "/intranet": 2_304, "/intranet/wiki": 9_728,
        "/intranet/tickets": 6_656,
    ]

    package static let notFoundBytes = 196
    package static let redirectBytes = 0
    package static let unauthorizedBytes = 1_604
    package static let serviceUnavailableBytes = 299

    package static let browserUserAgents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
    ]

    /// A visitor keeps one browser, so its user agent follows from its address.
    @inline(__always)
    package static func userAgent(for client: IPv4Address) -> String {
        browserUserAgents[Int(client.value % UInt32(browserUserAgents.count))]
    }

    /// Sites the workstations look up and visit. All are reserved example names (RFC 2606).
    package static let outsideDomains = [
        "example.com", "www.example.org", "mail.example.net", "updates.example.com", "docs.example.org",
        "cdn.example.net", "news.example.com", "calendar.example.org",
    ]
}
