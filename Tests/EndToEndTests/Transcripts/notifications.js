// Notifications (no id member) are never answered, whatever they come to.

--> {"jsonrpc":"2.0","method":"system.ping"}
--> {"jsonrpc":"2.0","method":"system.ping","params":{}}
--> {"jsonrpc":"2.0","method":"no.such.method"}
--> {"jsonrpc":"2.0","method":"system.ping","params":{"unexpected":true}}
--> {"jsonrpc":"2.0","method":"audit.list","params":[1,2]}
--> {"jsonrpc":"2.0","id":1,"method":"system.ping"}
<-- {"id":1,"jsonrpc":"2.0","result":{"pong":true}}

// An id of null is a request, not a notification.
--> {"jsonrpc":"2.0","id":null,"method":"system.ping"}
<-- {"id":null,"jsonrpc":"2.0","result":{"pong":true}}

--> {"jsonrpc":"2.0","method":"system.status"}
--> {"jsonrpc":"2.0","id":2,"method":"system.ping"}
<-- {"id":2,"jsonrpc":"2.0","result":{"pong":true}}

// The connection ends with notifications only: nothing more may come back.
--> {"jsonrpc":"2.0","method":"system.ping"}
--> {"jsonrpc":"2.0","method":"system.version"}

