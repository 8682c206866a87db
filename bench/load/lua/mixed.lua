-- Soak: 80% GET case (ids from IDS), 20% register, each connection pausing DELAY_MS (default 40) between
-- requests, so -c8 holds a steady rate of about 8 * 1000 / (DELAY_MS + latency) req/s (wrk2 is not in Debian).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local token, ids = os.getenv("TOKEN") or "", {}
for line in io.lines(os.getenv("IDS")) do if #line > 0 then ids[#ids + 1] = line end end
local get_headers = { ["Authorization"] = "Bearer " .. token }
local post_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local pause = tonumber(os.getenv("DELAY_MS") or "40")
local run = os.getenv("RUN_TAG") or tostring(os.time())

setup = common.setup

local n = 0
function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  response = common.timeline_response(os.getenv("TIMELINE"), tid or 0)
end

function delay() return pause end

function request()
  n = n + 1
  if n % 5 ~= 0 then
    return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)], get_headers)
  end
  local body = common.registration("S", run, tid or 0, n, false)
  return wrk.format("POST", "/api/v1/beneficiaries", post_headers, body)
end

done = common.done
