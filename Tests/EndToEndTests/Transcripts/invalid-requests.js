// Valid JSON that is not a valid request: -32600, answered under the request's id when that
// id is itself well-formed, else under null.

// The wrong version, or none.
--> {"jsonrpc":"1.0","id":1,"method":"system.ping"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: jsonrpc must be \"2.0\", got \"1.0\""},"id":1,"jsonrpc":"2.0"}
--> {"jsonrpc":2,"id":2,"method":"system.ping"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: jsonrpc must be \"2.0\", got 2"},"id":2,"jsonrpc":"2.0"}
--> {"id":3,"method":"system.ping"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: missing \"jsonrpc\": \"2.0\""},"id":3,"jsonrpc":"2.0"}

// Not an object at all.
--> 1
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got integer"},"id":null,"jsonrpc":"2.0"}
--> "system.ping"
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got string"},"id":null,"jsonrpc":"2.0"}
--> null
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: expected an object, got null"},"id":null,"jsonrpc":"2.0"}

// Only an id.
--> {"id":4}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: missing \"jsonrpc\": \"2.0\""},"id":4,"jsonrpc":"2.0"}

// A response sent to the server.
--> {"jsonrpc":"2.0","id":5,"result":{"pong":true}}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: a response is not a request; missing \"method\""},"id":5,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":6,"error":{"code":-32601,"message":"Method not found"}}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: a response is not a request; missing \"method\""},"id":6,"jsonrpc":"2.0"}

// A method that is not a string, params that are neither object nor array.
--> {"jsonrpc":"2.0","id":7,"method":1}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: method must be a string, got integer"},"id":7,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":8,"method":"system.ping","params":"bar"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: params must be an object or an array, got string"},"id":8,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":9,"method":"system.ping","params":null}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: params must be an object or an array, got null"},"id":9,"jsonrpc":"2.0"}

// Ids of the wrong type.
--> {"jsonrpc":"2.0","id":true,"method":"system.ping"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: id must be a string, number or null, got boolean"},"id":null,"jsonrpc":"2.0"}
--> {"jsonrpc":"2.0","id":{"n":1},"method":"system.ping"}
<-- {"error":{"code":-32600,"data":{"kind":"invalidRequest"},"message":"Invalid request: id must be a string, number or null, got object"},"id":null,"jsonrpc":"2.0"}

--> {"jsonrpc":"2.0","id":10,"method":"system.ping"}
<-- {"id":10,"jsonrpc":"2.0","result":{"pong":true}}

