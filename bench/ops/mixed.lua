-- A mixed LeadProof workload for wrk (bench/ops/load.sh, bench/ops/faults.sh): ingest batches, lead lists, lead detail,
-- metrics bundles and handoff decisions, in the proportions of MIX, each thread on one connection (so that every
-- response is matched to its request) and the threads spread over PODS. A response fails when it is not HTTP 200, has
-- top-level GraphQL errors, or a non-empty userErrors list.
--
-- Environment: TOKEN_FILE (a bearer token; read again every 200 requests, so a refresher can replace it), MIX
-- ("ingest:2,list:5,detail:5,metrics:1,decision:1"), PODS ("127.0.0.1:8080,127.0.0.1:8081"; empty: the URL's host),
-- LEADS_FILE (lead ids, one a line), HANDOFFS_FILE (pending handoff ids, shared out between the threads), BATCH (10
-- activities per ingest), THREAD_RATE (requests per second of each thread, paced on a millisecond clock so the total
-- holds when latency varies; a thread that falls behind catches up at once; empty: as fast as it can), THREADS,
-- RUN_ID (prefix of clientEventIds and idempotency keys), REPORT (a JSON file written at the end, with p50/p99 per kind).

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } lp_timespec;
  int clock_gettime(int clk_id, lp_timespec *tp);
]]
local ts = ffi.new("lp_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then return default end
  return v
end

local function lines(path)
  local t = {}
  if path == nil then return t end
  local f = io.open(path, "r")
  if f == nil then return t end
  for l in f:lines() do if l ~= "" then t[#t + 1] = l end end
  f:close()
  return t
end

local function json_string(s)
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('[%c]', ' ')
  return '"' .. s .. '"'
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  local pods = {}
  for hostport in string.gmatch(env("PODS", ""), "[^,]+") do
    local host, port = hostport:match("([^:]+):(%d+)")
    pods[#pods + 1] = wrk.lookup(host, port)[1]
  end
  if #pods > 0 then
    thread.addr = pods[((counter - 1) % #pods) + 1]
  end
  table.insert(threads, thread)
end

local KINDS = { "ingest", "list", "detail", "metrics", "decision" }

function init(args)
  id = tonumber(id)
  run = env("RUN_ID", tostring(os.time()))
  batch = tonumber(env("BATCH", "10"))
  local rate = tonumber(env("THREAD_RATE", "0"))
  interval = rate > 0 and 1000 / rate or 0
  next_due = now_ms() + math.random() * interval
  started_at = 0
  leads = lines(env("LEADS_FILE", nil))
  local all = lines(env("HANDOFFS_FILE", nil))
  local nthreads = tonumber(env("THREADS", "1"))
  handoffs = {}
  for i, h in ipairs(all) do
    if (i - 1) % nthreads == id - 1 then handoffs[#handoffs + 1] = h end
  end
  schedule = {}
  for part in string.gmatch(env("MIX", "ingest:2,list:5,detail:5,metrics:1,decision:1"), "[^,]+") do
    local kind, weight = part:match("(%a+):(%d+)")
    for _ = 1, tonumber(weight) do schedule[#schedule + 1] = kind end
  end
  step = id % #schedule
  sent = 0
  last_kind = nil
  ok_count, failed_count = {}, {}
  -- Latencies per kind as log-scale histograms (2.5% wide buckets) in flat globals: wrk copies only flat tables
  -- from a thread to done(), and a nested or long one crashes it.
  for _, k in ipairs(KINDS) do ok_count[k] = 0; failed_count[k] = 0; _G["hist_" .. k] = {} end
  exhausted = 0
  last_failure = ""
  math.randomseed(os.time() + id * 7919)
  local today = os.time()
  window_from = os.date("!%Y-%m-%d", today - 30 * 86400)
  window_to = os.date("!%Y-%m-%d", today + 86400)
end

local function token()
  local f = io.open(env("TOKEN_FILE", ""), "r")
  if f == nil then return current_token or "" end
  local t = f:read("*l")
  f:close()
  return t or current_token or ""
end

local function random_lead()
  if #leads == 0 then return nil end
  return leads[math.random(#leads)]
end

local function body_of(kind)
  if kind == "ingest" then
    local at = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
    local items = {}
    for k = 1, batch do
      items[k] = '{"clientEventId":' .. json_string(run .. "-" .. id .. "-" .. sent .. "-" .. k) .. ',"leadId":'
        .. json_string(random_lead()) .. ',"type":"PAGE_VIEW","occurredAt":"' .. at .. '"}'
    end
    return '{"query":"mutation($i: ActivitiesRecordInput!) { activitiesRecord(input: $i) { recordedCount duplicateCount userErrors { code } } }",'
      .. '"variables":{"i":{"activities":[' .. table.concat(items, ",") .. ']}}}'
  elseif kind == "list" then
    return '{"query":"{ leads(first: 20, filter: {stages: [MQL, HANDED_OFF]}) { edges { node { id email jobTitle lifecycleStage createdAt } } pageInfo { hasNextPage endCursor } } }"}'
  elseif kind == "detail" then
    return '{"query":"query($id: ID!) { lead(id: $id) { id email jobTitle companyName lifecycleStage score { total fit engagement qualified }'
      .. ' activities(first: 10) { edges { node { type occurredAt } } } handoffs { id state owner } } }","variables":{"id":'
      .. json_string(random_lead()) .. '}}'
  elseif kind == "metrics" then
    return '{"query":"query($w: MetricsWindowInput!) { metrics(window: $w) { asOf leads mqls qualificationRate handoffs accepted rejected'
      .. ' acceptanceRate sqls won revenue { amount currency } responseTime { responded medianSeconds p90Seconds } slaBreaches } }",'
      .. '"variables":{"w":{"from":"' .. window_from .. '","to":"' .. window_to .. '"}}}'
  else
    local h = table.remove(handoffs)
    return '{"query":"mutation($h: ID!, $k: String) { handoffAccept(input: {handoffId: $h, idempotencyKey: $k}) { handoff { id state } userErrors { code } } }",'
      .. '"variables":{"h":' .. json_string(h) .. ',"k":' .. json_string(run .. "-" .. h) .. '}}'
  end
end

function request()
  if sent % 200 == 0 then current_token = token() end
  sent = sent + 1
  step = step % #schedule + 1
  local kind = schedule[step]
  if kind == "decision" and #handoffs == 0 then
    exhausted = exhausted + 1
    kind = "list"
  end
  if (kind == "ingest" or kind == "detail") and #leads == 0 then kind = "list" end
  last_kind = kind
  started_at = now_ms()
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. current_token },
    body_of(kind))
end

function response(status, headers, body)
  local kind = last_kind or "list"
  local h = _G["hist_" .. kind]
  local b = math.floor(math.log(now_ms() - started_at + 1) * 40)
  h[b] = (h[b] or 0) + 1
  if status ~= 200 or string.find(body, '"errors"', 1, true) or string.find(body, '"userErrors":[{', 1, true) then
    failed_count[kind] = failed_count[kind] + 1
    if #last_failure < 2000 then last_failure = last_failure .. status .. " " .. string.sub(body, 1, 300) .. "\n" end
  else
    ok_count[kind] = ok_count[kind] + 1
  end
end

function delay()
  if interval == 0 then return 0 end
  next_due = next_due + interval
  local wait = next_due - now_ms()
  if wait < 0 then return 0 end
  return math.floor(wait)
end

local function percentile(hist, p)
  local buckets, total = {}, 0
  for b, n in pairs(hist) do buckets[#buckets + 1] = b; total = total + n end
  if total == 0 then return 0 end
  table.sort(buckets)
  local want, seen = math.ceil(total * p / 100), 0
  for _, b in ipairs(buckets) do
    seen = seen + hist[b]
    if seen >= want then return math.exp((b + 0.5) / 40) - 1 end
  end
  return 0
end

function done(summary, latency, requests)
  local totals = {}
  local failed = 0
  local failures = ""
  for _, k in ipairs(KINDS) do totals[k] = { ok = 0, failed = 0, hist = {} } end
  local exhausted_total = 0
  for _, t in ipairs(threads) do
    local oks, faileds = t:get("ok_count"), t:get("failed_count")
    for _, k in ipairs(KINDS) do
      totals[k].ok = totals[k].ok + oks[k]
      totals[k].failed = totals[k].failed + faileds[k]
      failed = failed + faileds[k]
      for b, n in pairs(t:get("hist_" .. k)) do totals[k].hist[b] = (totals[k].hist[b] or 0) + n end
    end
    exhausted_total = exhausted_total + t:get("exhausted")
    failures = failures .. t:get("last_failure")
  end
  local kinds = {}
  for _, k in ipairs(KINDS) do
    kinds[#kinds + 1] = string.format('"%s":{"ok":%d,"failed":%d,"p50_ms":%.1f,"p99_ms":%.1f}', k, totals[k].ok, totals[k].failed,
      percentile(totals[k].hist, 50), percentile(totals[k].hist, 99))
  end
  local e = summary.errors
  local report = string.format('{"seconds":%.3f,"requests":%d,"failed_responses":%d,"socket_errors":%d,"non_2xx":%d,'
    .. '"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"decisions_exhausted":%d,"kinds":{%s},"failures":%s}',
    summary.duration / 1e6, summary.requests, failed, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    exhausted_total, table.concat(kinds, ","), json_string(failures))
  local out = env("REPORT", nil)
  if out then
    local f = io.open(out, "w")
    f:write(report .. "\n")
    f:close()
  end
  io.write(report .. "\n")
end
