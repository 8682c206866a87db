-- GET TARGET (one path) with the browser's cookies (COOKIE: a Cookie header value) or a Bearer TOKEN, or neither.
-- Every answer other than 200 is counted (wrk itself counts only statuses above 399 as errors: a 302 to the sign-in
-- page would pass as a fast success), and so are 200s shorter than MIN_BYTES (default 0). done() prints the WRKJSON
-- line of common.lua with "non200", "short" and the statuses seen, summed over the threads.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local target = os.getenv("TARGET")
local cookie, token = os.getenv("COOKIE") or "", os.getenv("TOKEN") or ""
local min_bytes = tonumber(os.getenv("MIN_BYTES") or "0")
local headers = {}
if #cookie > 0 then headers["Cookie"] = cookie end
if #token > 0 then headers["Authorization"] = "Bearer " .. token end

local threads = {}
function setup(thread)
  common.setup(thread)
  threads[#threads + 1] = thread
end

non200, short, statuses = 0, 0, {}
function response(status, response_headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  elseif #body < min_bytes then
    short = short + 1
  end
end

local request_text
function request()
  request_text = request_text or wrk.format("GET", target, headers)
  return request_text
end

function done(s, lat, req)
  local bad, few, seen = 0, 0, {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non200")
    few = few + thread:get("short")
    for status, count in pairs(thread:get("statuses")) do seen[status] = (seen[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(seen) do parts[#parts + 1] = string.format('"%d":%d', status, count) end
  -- The common line with three more members: the same parser reads both.
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"status_err":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,'
    .. '"p50":%d,"p75":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f,"non200":%d,"short":%d,"statuses":{%s}}\n',
    s.requests, s.duration, s.bytes, s.errors.status, s.errors.connect, s.errors.read, s.errors.write, s.errors.timeout,
    lat:percentile(50), lat:percentile(75), lat:percentile(90), lat:percentile(95), lat:percentile(99), lat.max, lat.mean,
    bad, few, table.concat(parts, ",")))
end
