-- wrk script for bench/readpath/shapes.sh: POSTs the GraphQL body in GQL_BODY (bearer TOKEN) with the header
-- "LeadProof-Read-Path: $READ_PATH" (general forces the general path) and counts the answers the compiled path gave.
local f = assert(io.open(os.getenv("GQL_BODY") or "body.json", "r"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["LeadProof-Read-Path"] = os.getenv("READ_PATH") or "compiled"
local token = os.getenv("TOKEN")
if token and #token > 0 then wrk.headers["Authorization"] = "Bearer " .. token end
wrk.body = f:read("*a")
f:close()

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) gql_errors = 0; non200 = 0; compiled = 0 end
function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
  if body and body:find('"errors"', 1, true) then gql_errors = gql_errors + 1 end
  if headers["LeadProof-Read-Path"] == "compiled" or headers["leadproof-read-path"] == "compiled" then compiled = compiled + 1 end
end
function done(summary, latency, requests)
  local e, n, c = 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + (t:get("gql_errors") or 0)
    n = n + (t:get("non200") or 0)
    c = c + (t:get("compiled") or 0)
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms non200=%d gql_errors=%d compiled=%d socket_errors=%d\n",
    summary.requests, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    n, e, c, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
