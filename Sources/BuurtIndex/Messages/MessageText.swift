/// Keeps error messages readable when they quote user data: a 10 MB header name or cell must
/// not turn into a 10 MB message.
package enum MessageText {
    /// Longest quoted value, in characters, shown in full.
    package static let excerptLimit = 60
    /// Longest message, in characters, kept in full by ``BuurtError``.
    package static let messageLimit = 1000

    /// `text` itself when it has at most ``excerptLimit`` characters, otherwise its first
    /// ``excerptLimit`` characters, `…` and the full length: `xxxx…(10485760 characters)`.
    package static func excerpt(_ text: String) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex {
            if count == excerptLimit { return String(text[..<end]) + "…(\(text.count) characters)" }
            text.formIndex(after: &end)
            count += 1
        }
        return text
    }

    /// `message` when it has at most ``messageLimit`` characters; otherwise its beginning and
    /// end around `…(N characters left out)…`, so the place and the advice both survive.
    package static func bounded(_ message: String) -> String {
        guard message.utf8.count > messageLimit else { return message }
        let characters = message.count
        guard characters > messageLimit else { return message }
        let head = message.prefix(messageLimit * 3 / 4), tail = message.suffix(messageLimit / 4)
        return String(head) + "…(\(characters - head.count - tail.count) characters left out)…" + String(tail)
    }
}
