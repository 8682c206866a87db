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

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  local file = common.open(os.getenv("TIMELINE"), tid or 0)
  if file then
    local record = common.timeline(file)
    response = function(status, headers, body) record(status, headers) end
  end
end

function delay() return pause end

function request()
  n = n + 1
  if n % 5 ~= 0 then
    return wrk.format("GET", "/api/v1/cases/" .. ids[math.random(#ids)], get_headers)
  end
  local day = (n * 7 + (tid or 0) * 131) % 20000
  local body = string.format('{"fullName":"Bench S%s %s Person %d","aliases":[],"nationalId":null,"dateOfBirth":"%04d-%02d-%02d",'
    .. '"phone":null,"address":null,"citizenship":"Romanian","notes":null,'
    .. '"sex":"Female","ageBandAtIdentification":"From26To35","minorAtIdentification":false,"exploitationTypes":["Labour"],'
    .. '"countryOfExploitation":"IT","yearOfIdentification":2025,"referralSource":"Police"}',
    tostring(tid or 0), run, n, 1950 + math.floor(day / 336), 1 + math.floor(day / 28) % 12, 1 + day % 28)
  return wrk.format("POST", "/api/v1/beneficiaries", post_headers, body)
end

done = common.done
