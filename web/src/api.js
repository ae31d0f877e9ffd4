// The JSON API (docs/server.md): one GET, errors as exceptions with the server's message.
export async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}
