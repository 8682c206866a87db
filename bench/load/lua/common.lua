-- Shared by the harness's wrk scripts (wrk 4.1, LuaJIT). Loaded with dofile() from the script's own directory.
local common = {}

-- One WRKJSON line per run, read by report.py: --latency prints no p95, and the error counts are needed apart.
function common.done(s, lat, req)
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"status_err":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,'
    .. '"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f}\n',
    s.requests, s.duration, s.bytes, s.errors.status, s.errors.connect, s.errors.read, s.errors.write, s.errors.timeout,
    lat:percentile(50), lat:percentile(90), lat:percentile(95), lat:percentile(99), lat.max, lat.mean))
end

-- Per-thread files (wrk threads share nothing): <base>.<tid>, line-buffered so a killed run keeps what it wrote.
function common.open(base, tid)
  if not base or #base == 0 then return nil end
  local f = assert(io.open(base .. "." .. tid, "a"))
  f:setvbuf("line")
  return f
end

-- Timeline: per second, how many answers of each status and how many carried Retry-After. A line per
-- second and status ("epoch status count with_retry_after"), flushed when the second changes.
function common.timeline(file)
  local second, counts, retry = os.time(), {}, {}
  local function flush()
    for status, count in pairs(counts) do
      file:write(string.format("%d %d %d %d\n", second, status, count, retry[status] or 0))
    end
    counts, retry = {}, {}
  end
  return function(status, headers)
    local now = os.time()
    if now ~= second then flush(); second = now end
    counts[status] = (counts[status] or 0) + 1
    if headers["Retry-After"] or headers["retry-after"] then retry[status] = (retry[status] or 0) + 1 end
  end
end

-- setup = common.setup: numbers the threads, so each has its own "tid" for seeds, files and unique names.
local threads = 0
function common.setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

-- response = common.timeline_response(path, tid): records a per-second status timeline in path.<tid> when path is set,
-- and is nil otherwise (wrk then reads no response, which costs throughput).
function common.timeline_response(path, tid)
  local file = common.open(path, tid)
  if not file then return nil end
  local record = common.timeline(file)
  return function(status, headers, body) record(status, headers) end
end

-- A registration body unique per run, thread and request, with a varied birth date (a constant name would grow the
-- duplicate search with every row). tag tells the scenario apart; contact=true fills phone, address and notes.
function common.registration(tag, run, tid, n, contact)
  local day = (n * 7 + tid * 131) % 20000
  local extra = contact and '"phone":"+40 712 000 000","address":"Str. Exemplu 1, Iasi","citizenship":"Romanian","notes":"Registered under load.",'
    or '"phone":null,"address":null,"citizenship":"Romanian","notes":null,'
  return string.format('{"fullName":"Bench %s%s %s Person %d","aliases":[],"nationalId":null,"dateOfBirth":"%04d-%02d-%02d",'
    .. extra
    .. '"sex":"Female","ageBandAtIdentification":"From26To35","minorAtIdentification":false,"exploitationTypes":["Labour"],'
    .. '"countryOfExploitation":"IT","yearOfIdentification":2025,"referralSource":"Police"}',
    tag, tostring(tid), run, n, 1950 + math.floor(day / 336), 1 + math.floor(day / 28) % 12, 1 + day % 28)
end

return common
