import JSONRPC
import SocCTL
import Testing

@Suite struct JSONPrettyPrinterTests {
    @Test func nestedValuesAreIndentedTwoSpacesWithSortedKeys() throws {
        let value = try JSONValue(
            parsing:
                #"{"zeta":[1,2.5,"three",null,true],"alpha":{"b":{},"a":[]},"Émile":"\u00e9\n","mid":{"x":[{"k":false}]}}"#
        )
        #expect(
            JSONPrettyPrinter.format(value) == """
                {
                  "alpha": {
                    "a": [],
                    "b": {}
                  },
                  "mid": {
                    "x": [
                      {
                        "k": false
                      }
                    ]
                  },
                  "zeta": [
                    1,
                    2.5,
                    "three",
                    null,
                    true
                  ],
                  "Émile": "é\\n"
                }
                """)
    }

    @Test func scalarsAndEmptyContainersStayOnOneLine() {
        #expect(JSONPrettyPrinter.format(.null) == "null")
        #expect(JSONPrettyPrinter.format(.int(-7)) == "-7")
        #expect(JSONPrettyPrinter.format(.double(3.0)) == "3.0")
        #expect(JSONPrettyPrinter.format(.string("a\"b")) == #""a\"b""#)
        #expect(JSONPrettyPrinter.format(.object([:])) == "{}")
        #expect(JSONPrettyPrinter.format(.array([])) == "[]")
        #expect(JSONPrettyPrinter.format([[]]) == "[\n  []\n]")
    }

    @Test func prettyOutputParsesBackToTheSameValue() throws {
        let value: JSONValue = ["a": [1, ["b": "c"], []], "d": ["e": .double(0.1)], "f": "/path with space"]
        #expect(try JSONValue(parsing: JSONPrettyPrinter.format(value)) == value)
    }
}
