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

return common
