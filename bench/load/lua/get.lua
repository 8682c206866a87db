-- GET PREFIX<id> with ids drawn at random from the file IDS; Bearer TOKEN when set (empty for the floor).
-- TIMELINE=path: per-second status counts (only then is response() defined: it costs wrk throughput).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local token, prefix, ids = os.getenv("TOKEN"), os.getenv("PREFIX"), {}
for line in io.lines(os.getenv("IDS")) do if #line > 0 then ids[#ids + 1] = line end end
local headers = {}
if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end

setup = common.setup

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  response = common.timeline_response(os.getenv("TIMELINE"), tid or 0)
end

function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)], headers)
end

done = common.done
