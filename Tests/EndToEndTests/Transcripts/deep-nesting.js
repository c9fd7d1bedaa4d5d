// Deeply nested JSON is refused without exhausting any stack; the connection stays usable.

==> repeat 100000 [
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: nesting deeper than 512 levels at byte 512"},"id":null,"jsonrpc":"2.0"}
==> repeat 100000 {"a":
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: nesting deeper than 512 levels at byte 2560"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}

