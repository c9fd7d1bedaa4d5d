// A burst of requests in one write is answered in request order, the slow (deferred, durable)
// writes in the middle included: later replies wait behind them.

--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
--> {"jsonrpc":"2.0","id":2,"method":"system.setLogLevel","params":{"level":"warning"}}
--> {"jsonrpc":"2.0","id":3,"method":"system.ping"}
--> {"jsonrpc":"2.0","method":"system.ping"}
--> [{"jsonrpc":"2.0","id":4,"method":"system.ping"}]
--> {"jsonrpc":"2.0","id":5,"method":"system.setLogLevel","params":{"level":"error"}}
--> bad json
--> {"jsonrpc":"2.0","id":6,"method":"audit.list","params":{"limit":2}}
--> {"jsonrpc":"2.0","id":7,"method":"system.setLogLevel","params":{"level":"info"}}
--> {"jsonrpc":"2.0","id":8,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}
<-- {"id":2,"jsonrpc":"2.0","result":{"level":"warning","previous":"info"}}
<-- {"id":3,"jsonrpc":"2.0","result":{"pong":true}}
<-- [{"id":4,"jsonrpc":"2.0","result":{"pong":true}}]
<-- {"id":5,"jsonrpc":"2.0","result":{"level":"error","previous":"warning"}}
<-- {"error":{"code":-32700,"data":{"kind":"parseError"},"message":"Parse error: unexpected character 'b' at byte 0"},"id":null,"jsonrpc":"2.0"}
<-- {"id":6,"jsonrpc":"2.0","result":{"entries":[{"at":"<string>","gid":"<int>","id":2,"method":"system.setLogLevel","outcome":"ok","params":{"level":"error"},"pid":"<int>","uid":"<int>"},{"at":"<string>","gid":"<int>","id":1,"method":"system.setLogLevel","outcome":"ok","params":{"level":"warning"},"pid":"<int>","uid":"<int>"}]}}
<-- {"id":7,"jsonrpc":"2.0","result":{"level":"info","previous":"error"}}
<-- {"id":8,"jsonrpc":"2.0","result":{"pong":true}}

// Many small requests in one write.
--> {"jsonrpc":"2.0","id":"p1","method":"system.ping"}
--> {"jsonrpc":"2.0","id":"p2","method":"system.ping"}
--> {"jsonrpc":"2.0","id":"p3","method":"system.ping"}
--> {"jsonrpc":"2.0","id":"p4","method":"system.ping"}
--> {"jsonrpc":"2.0","id":"p5","method":"system.ping"}
<-- {"id":"p1","jsonrpc":"2.0","result":{"pong":true}}
<-- {"id":"p2","jsonrpc":"2.0","result":{"pong":true}}
<-- {"id":"p3","jsonrpc":"2.0","result":{"pong":true}}
<-- {"id":"p4","jsonrpc":"2.0","result":{"pong":true}}
<-- {"id":"p5","jsonrpc":"2.0","result":{"pong":true}}
