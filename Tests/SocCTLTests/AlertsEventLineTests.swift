import JSONRPC
import SocCTL
import SocProtocol
import Testing

@Suite struct AlertsEventLineTests {
    @Test func alertAndIncidentEventsNameWhatTheyAreAbout() {
        let alert = SecurityReplies.alert(id: 3, count: 1, summary: "198.51.100.238 sent 300 requests")
        #expect(
            EventLine.summary(topic: .alerts, data: ["event": "raised", "alert": alert])
                == "raised #3 high request-flood from 198.51.100.238 x1: 198.51.100.238 sent 300 requests")
        let incident = SecurityReplies.incident(id: 1, status: "contained")
        #expect(
            EventLine.summary(topic: .incidents, data: ["event": "updated", "incident": incident])
                == "updated #1 contained high: Request flood on a web service from 198.51.100.238")
        // Anything else on those topics falls back to key=value pairs.
        #expect(EventLine.summary(topic: .alerts, data: ["event": "raised"]) == "raised")
    }
}
