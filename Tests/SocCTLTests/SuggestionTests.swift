import SocCTL
import Testing

@Suite struct SuggestionTests {
    func distance(_ a: String, _ b: String) -> Int {
        Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    @Test func editDistance() {
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("jsno", "json") == 1)
        #expect(distance("", "abc") == 3)
        #expect(distance("same", "same") == 0)
    }

    @Test func closestCandidate() {
        let names = ["socket", "json", "quiet", "help", "version"]
        #expect(Suggestion.closest(to: "jsno", among: names) == "json")
        #expect(Suggestion.closest(to: "JSON", among: names) == "json")
        #expect(Suggestion.closest(to: "sokcet", among: names) == "socket")
        #expect(Suggestion.closest(to: "verison", among: names) == "version")
        #expect(Suggestion.closest(to: "sock", among: names) == "socket")
        #expect(Suggestion.closest(to: "x", among: names) == nil)
        #expect(Suggestion.closest(to: "frobnicate", among: names) == nil)
    }
}
