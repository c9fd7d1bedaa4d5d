// Unknown methods get -32601 naming the method; names are case sensitive.

--> {"jsonrpc":"2.0","id":1,"method":"rules.nuke"}
<-- {"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"rules.nuke"},"message":"Method not found: rules.nuke"},"id":1,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":2,"method":"System.Ping"}
<-- {"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"System.Ping"},"message":"Method not found: System.Ping"},"id":2,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":3,"method":""}
<-- {"error":{"code":-32601,"data":{"kind":"methodNotFound","method":""},"message":"Method not found: "},"id":3,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":4,"method":"system.ping "}
<-- {"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"system.ping "},"message":"Method not found: system.ping "},"id":4,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":5,"method":"rpc.discover.extra"}
<-- {"error":{"code":-32601,"data":{"kind":"methodNotFound","method":"rpc.discover.extra"},"message":"Method not found: rpc.discover.extra"},"id":5,"jsonrpc":"2.0"}

