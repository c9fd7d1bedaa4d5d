/// The shells `CompletionScript` writes scripts for.
package enum CompletionShell: String, CaseIterable, Sendable {
    case bash
    case zsh
}
