-- GET PREFIX<id> with ids drawn at random from the file IDS; Bearer TOKEN when set (empty for the floor).
-- TIMELINE=path: per-second status counts (only then is response() defined: it costs wrk throughput).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local token, prefix, ids = os.getenv("TOKEN"), os.getenv("PREFIX"), {}
for line in io.lines(os.getenv("IDS")) do if #line > 0 then ids[#ids + 1] = line end end
local headers = {}
if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  local file = common.open(os.getenv("TIMELINE"), tid or 0)
  if file then
    local record = common.timeline(file)
    response = function(status, headers, body) record(status, headers) end
  end
end

function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)], headers)
end

done = common.done
