// A \r before the newline is tolerated; a bare \r elsewhere is whitespace to JSON.

==> bytes {"jsonrpc":"2.0","id":1,"method":"system.ping"}\x0d
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}
==> bytes {"jsonrpc":"2.0",\x0d"id":2,"method":"system.ping"}\x0d
<-- {"id":2,"jsonrpc":"2.0","result":{"pong":true}}
==> bytes \x0d
--> {"jsonrpc":"2.0","id":3,"method":"system.ping"}
<-- {"id":3,"jsonrpc":"2.0","result":{"pong":true}}

