// Lines that are not JSON get -32700 under a null id; the connection stays usable.

--> {"jsonrpc":"2.0","method":"system.ping","id":1
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected end of input at byte 46"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0",,"method":"system.ping","id":1}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character ',' at byte 17"},"id":null,"jsonrpc":"2.0"}
--> {'jsonrpc':'2.0'}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character ''' at byte 1"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping"} trailing
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character 't' at byte 48"},"id":null,"jsonrpc":"2.0"}
--> NaN
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character 'N' at byte 0"},"id":null,"jsonrpc":"2.0"}
--> "unterminated
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unterminated string starting at byte 0"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":01,"method":"system.ping"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character '1' at byte 23"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping",}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character '}' at byte 47"},"id":null,"jsonrpc":"2.0"}
==> bytes {"jsonrpc":"2.0","id":1,"method":"sys\x09em.ping"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unescaped control character 0x09 in string at byte 37"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"\uD800"}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unpaired UTF-16 surrogate in \\u escape at byte 34"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}

