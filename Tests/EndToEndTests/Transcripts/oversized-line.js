//! socd --max-line-bytes 4096
// A line over --max-line-bytes gets one -32600 and is skipped; the next request is served.
// How much of the long line had arrived when it was cut is not fixed, so the message is a
// placeholder.

==> repeat 5000 x
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"<string>"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}
==> repeat 100000 [
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"<string>"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":2,"method":"system.ping"}
<-- {"id":2,"jsonrpc":"2.0","result":{"pong":true}}

