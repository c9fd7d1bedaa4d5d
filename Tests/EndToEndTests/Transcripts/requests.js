// Plain requests: each gets exactly one reply, keys sorted, the id echoed as sent.

--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":"a string id","method":"system.ping"}
<-- {"id":"a string id","jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":"","method":"system.ping"}
<-- {"id":"","jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":-7,"method":"system.ping","params":{}}
<-- {"id":-7,"jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":2.5,"method":"system.ping","params":[]}
<-- {"id":2.5,"jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":null,"method":"system.ping"}
<-- {"id":null,"jsonrpc":"2.0","result":{"pong":true}}
--> {"method":"system.ping","id":3,"jsonrpc":"2.0"}
<-- {"id":3,"jsonrpc":"2.0","result":{"pong":true}}
--> {"jsonrpc":"2.0","id":"\u00e9\ud83d\ude00","method":"system.ping"}
<-- {"id":"é😀","jsonrpc":"2.0","result":{"pong":true}}

--> {"jsonrpc":"2.0","id":10,"method":"system.version"}
<-- {"id":10,"jsonrpc":"2.0","result":{"protocol":"1.0","revision":"<string>","socd":"<string>","sqlite":"<string>"}}

--> {"jsonrpc":"2.0","id":11,"method":"system.status"}
<-- {"id":11,"jsonrpc":"2.0","result":{"connections":"<int>","connectionsTotal":"<int>","listener":"bound","logLevel":"info","pid":"<int>","requestsTotal":"<int>","residentBytes":"<int>","socketPath":"<string>","startedAt":"<string>","stateDirectory":"<string>","subscriptions":0,"uptimeSeconds":"<number>"}}

// No subscription yet, no audit entries yet.
--> {"jsonrpc":"2.0","id":12,"method":"audit.list"}
<-- {"id":12,"jsonrpc":"2.0","result":{"entries":[]}}
--> {"jsonrpc":"2.0","id":13,"method":"events.subscribe","params":{"topics":["system"]}}
<-- {"id":13,"jsonrpc":"2.0","result":{"subscription":1,"topics":["system"]}}
--> {"jsonrpc":"2.0","id":14,"method":"events.unsubscribe","params":{"subscription":1}}
<-- {"id":14,"jsonrpc":"2.0","result":{}}
--> {"jsonrpc":"2.0","id":15,"method":"events.unsubscribe","params":{"subscription":1}}
<-- {"error":{"code":-32001,"data":{"kind":"notFound","subscription":1},"message":"no subscription 1 on this connection"},"id":15,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":16,"method":"events.subscribe","params":{}}
<-- {"id":16,"jsonrpc":"2.0","result":{"subscription":2,"topics":["system","audit"]}}

