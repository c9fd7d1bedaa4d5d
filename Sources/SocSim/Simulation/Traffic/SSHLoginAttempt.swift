/// One password authentication attempt against sshd.
package struct SSHLoginAttempt: Sendable, Hashable, Codable {
    package var user: String
    package var passwordCorrect: Bool
    /// False for a user name the server does not have (sshd then logs `invalid user`).
    package var userExists: Bool

    package init(user: String, passwordCorrect: Bool, userExists: Bool = true) {
        self.user = user
        self.passwordCorrect = passwordCorrect
        self.userExists = userExists
    }
}
