// Bytes that are not UTF-8 are a parse error, wherever they are; the connection stays usable.

==> bytes {"jsonrpc":"2.0","id":1,"method":"system.\xff"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: invalid UTF-8 at byte 41"},"id":null,"jsonrpc":"2.0"}
==> bytes {"jsonrpc":"2.0","id":"\xc3\x28","method":"system.ping"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: invalid UTF-8 at byte 23"},"id":null,"jsonrpc":"2.0"}
==> bytes {"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"\xed\xa0\x80":1}}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: invalid UTF-8 at byte 58"},"id":null,"jsonrpc":"2.0"}
==> bytes \xef\xbb\xbf{"jsonrpc":"2.0","id":2,"method":"system.ping"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected byte 0xEF at byte 0"},"id":null,"jsonrpc":"2.0"}
==> bytes {"jsonrpc":"2.0","id":3,"method":"system.ping"}\x00
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected byte 0x00 at byte 47"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":4,"method":"system.ping"}
<-- {"id":4,"jsonrpc":"2.0","result":{"pong":true}}

