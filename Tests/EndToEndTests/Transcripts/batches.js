// Batches: one array reply, in element order, without entries for notifications.

// Mixed: requests, a notification, an unknown method.
--> [{"jsonrpc":"2.0","id":1,"method":"system.ping"},{"jsonrpc":"2.0","method":"system.ping"},{"jsonrpc":"2.0","id":"x","method":"no.such"},{"jsonrpc":"2.0","id":2,"method":"audit.list","params":{"limit":1}}]
<-- [{"id":1,"jsonrpc":"2.0","result":{"pong":true}},{"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"no.such"},"message":"Method not found: no.such"},"id":"x","jsonrpc":"2.0"},{"id":2,"jsonrpc":"2.0","result":{"entries":[]}}]

// Junk elements each get their own -32600, with a null id.
--> [1,2,3]
<-- [{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got integer"},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got integer"},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got integer"},"id":null,"jsonrpc":"2.0"}]
--> [{"foo":"boo"},"text",null,true,[]]
<-- [{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: missing \"jsonrpc\": \"2.0\""},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got string"},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got null"},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got boolean"},"id":null,"jsonrpc":"2.0"},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got array"},"id":null,"jsonrpc":"2.0"}]
--> [{"jsonrpc":"2.0","id":1,"method":"system.ping"},{"jsonrpc":"2.0","id":2}]
<-- [{"id":1,"jsonrpc":"2.0","result":{"pong":true}},{"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: missing \"method\""},"id":2,"jsonrpc":"2.0"}]

// The empty batch is one invalid request, not an empty array.
--> []
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: empty batch"},"id":null,"jsonrpc":"2.0"}
--> [ ]
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: empty batch"},"id":null,"jsonrpc":"2.0"}

// All notifications: no reply at all.
--> [{"jsonrpc":"2.0","method":"system.ping"},{"jsonrpc":"2.0","method":"no.such"}]

// A batch of one is still an array.
--> [{"jsonrpc":"2.0","id":3,"method":"system.ping"}]
<-- [{"id":3,"jsonrpc":"2.0","result":{"pong":true}}]

// A batch that does not parse is one parse error.
--> [{"jsonrpc":"2.0","id":1,"method":"system.ping"},{"jsonrpc":"2.0","method"
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected end of input at byte 74"},"id":null,"jsonrpc":"2.0"}

// A write method inside a batch: its deferred reply keeps its place in the array.
--> [{"jsonrpc":"2.0","id":"a","method":"system.ping"},{"jsonrpc":"2.0","id":"b","method":"system.setLogLevel","params":{"level":"debug"}},{"jsonrpc":"2.0","id":"c","method":"system.ping"}]
<-- [{"id":"a","jsonrpc":"2.0","result":{"pong":true}},{"id":"b","jsonrpc":"2.0","result":{"level":"debug","previous":"info"}},{"id":"c","jsonrpc":"2.0","result":{"pong":true}}]

