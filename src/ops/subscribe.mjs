// A GraphQL subscription client with no dependencies: the WebSocket API of browsers (Node.js 22, or 20 with
// --experimental-websocket). Browsers cannot set headers on a WebSocket, so the token goes in connection_init.
//
//   node --experimental-websocket src/ops/subscribe.mjs <access token> [seconds to listen, default 60] [ws url]
//
// Prints each message of the server as a line of JSON; exits after the given time, or with status 1 when the server
// refuses the connection (an invalid or expired token closes it with 4401; a missing role answers with an error
// message whose extensions.code is forbidden).
const [token, seconds = '60', url = 'ws://127.0.0.1:8080/graphql'] = process.argv.slice(2);
if (!token) {
  console.error('usage: node --experimental-websocket src/ops/subscribe.mjs <access token> [seconds] [ws url]');
  process.exit(2);
}
const socket = new WebSocket(url, 'graphql-transport-ws');
const stop = setTimeout(() => { socket.close(1000, 'done'); process.exit(0); }, Number(seconds) * 1000);

socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  console.log(JSON.stringify(message));
  if (message.type === 'connection_ack') {
    socket.send(JSON.stringify({
      id: '1', type: 'subscribe',
      payload: { query: 'subscription { handoffAssigned { scoreTotal dueAt handoff { id state dueAt evidence { total } lead { id } assignee { userName } } } }' },
    }));
  } else if (message.type === 'error') {
    clearTimeout(stop);
    process.exit(1);
  }
};
socket.onclose = (event) => {
  if (event.code !== 1000) {
    console.error(`closed: ${event.code} ${event.reason}`);
    process.exit(1);
  }
};
