// -32602 names the parameter and says what was expected.

// By position: socd takes params by name only.
--> {"jsonrpc":"2.0","id":1,"method":"system.setLogLevel","params":["debug"]}
<-- {"error":{"code":-32602,"data":{"kind":"invalidParams","reason":"params must be given by name, as an object"},"message":"Invalid params: params must be given by name, as an object"},"id":1,"jsonrpc":"2.0"}

// Unknown members are errors, not silently ignored options.
--> {"jsonrpc":"2.0","id":2,"method":"system.ping","params":{"verbose":true}}
<-- {"error":{"code":-32602,"data":{"kind":"invalidParams","reason":"unknown field \"verbose\""},"message":"Invalid params: unknown field \"verbose\""},"id":2,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":3,"method":"audit.list","params":{"limit":5,"lmit":5}}
<-- {"error":{"code":-32602,"data":{"kind":"invalidParams","reason":"unknown field \"lmit\""},"message":"Invalid params: unknown field \"lmit\""},"id":3,"jsonrpc":"2.0"}

// Missing, of the wrong type, out of range, not one of the allowed values.
--> {"jsonrpc":"2.0","id":4,"method":"system.setLogLevel","params":{}}
<-- {"error":{"code":-32602,"data":{"field":"level","kind":"invalidParams","reason":"missing"},"message":"Invalid params: level: missing"},"id":4,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":5,"method":"system.setLogLevel","params":{"level":3}}
<-- {"error":{"code":-32602,"data":{"field":"level","kind":"invalidParams","reason":"expected string, got integer"},"message":"Invalid params: level: expected string, got integer"},"id":5,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":6,"method":"audit.list","params":{"limit":0}}
<-- {"error":{"code":-32602,"data":{"field":"limit","kind":"invalidParams","reason":"0 is outside 1-1000"},"message":"Invalid params: limit: 0 is outside 1-1000"},"id":6,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":7,"method":"audit.list","params":{"limit":"ten"}}
<-- {"error":{"code":-32602,"data":{"field":"limit","kind":"invalidParams","reason":"expected integer, got string"},"message":"Invalid params: limit: expected integer, got string"},"id":7,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":8,"method":"audit.list","params":{"outcome":"maybe"}}
<-- {"error":{"code":-32602,"data":{"field":"outcome","kind":"invalidParams","reason":"\"maybe\" is not one of ok, error, denied"},"message":"Invalid params: outcome: \"maybe\" is not one of ok, error, denied"},"id":8,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":9,"method":"audit.list","params":{"since":"yesterday"}}
<-- {"error":{"code":-32602,"data":{"field":"since","kind":"invalidParams","reason":"\"yesterday\" is not an ISO 8601 time like 2026-12-04T14:38:55Z"},"message":"Invalid params: since: \"yesterday\" is not an ISO 8601 time like 2026-12-04T14:38:55Z"},"id":9,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":10,"method":"events.subscribe","params":{"topics":["weather"]}}
<-- {"error":{"code":-32602,"data":{"field":"topics[0]","kind":"invalidParams","reason":"Cannot initialize EventTopic from invalid String value weather"},"message":"Invalid params: topics[0]: Cannot initialize EventTopic from invalid String value weather"},"id":10,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":11,"method":"events.unsubscribe","params":{"subscription":"one"}}
<-- {"error":{"code":-32602,"data":{"field":"subscription","kind":"invalidParams","reason":"expected integer, got string"},"message":"Invalid params: subscription: expected integer, got string"},"id":11,"jsonrpc":"2.0"}


