/// An HTTP request as the web server receives it. One simulated packet carries one request.
package struct HTTPRequest: Sendable, Hashable, Codable {
    package enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case get = "GET"
        case post = "POST"
        case head = "HEAD"
    }

    package var method: Method
    package var path: String
    package var userAgent: String
    package var referrer: String?
    /// For a login form post: whether the submitted credentials are right. Nil for other requests.
    package var credentialsValid: Bool?

    package init(
        method: Method, path: String, userAgent: String, referrer: String? = nil, credentialsValid: Bool? = nil
    ) {
        self.method = method
        self.path = path
        self.userAgent = userAgent
        self.referrer = referrer
        self.credentialsValid = credentialsValid
    }
}
