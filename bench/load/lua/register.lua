-- POST /api/v1/beneficiaries with a unique name and a varied birth date per request (a constant name would
-- grow the duplicate search with every row). ACK_FILE=path: each 201's id is appended to path.<tid>, and a
-- per-second status timeline to path.timeline.<tid>; only then is response() defined.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or ""), ["Content-Type"] = "application/json" }
local run = os.getenv("RUN_TAG") or tostring(os.time())

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
function init(args)
  local acks = common.open(os.getenv("ACK_FILE"), tid or 0)
  if acks then
    local record = common.timeline(common.open(os.getenv("ACK_FILE") .. ".timeline", tid or 0))
    response = function(status, headers, body)
      record(status, headers)
      if status == 201 then
        local id = body:match('"id":"([%x%-]+)"')
        if id then acks:write(id, "\n") end
      end
    end
  end
end

function request()
  n = n + 1
  local day = (n * 7 + (tid or 0) * 131) % 20000
  local body = string.format('{"fullName":"Bench W%s %s Person %d","aliases":[],"nationalId":null,"dateOfBirth":"%04d-%02d-%02d",'
    .. '"phone":"+40 712 000 000","address":"Str. Exemplu 1, Iasi","citizenship":"Romanian","notes":"Registered under load.",'
    .. '"sex":"Female","ageBandAtIdentification":"From26To35","minorAtIdentification":false,"exploitationTypes":["Labour"],'
    .. '"countryOfExploitation":"IT","yearOfIdentification":2025,"referralSource":"Police"}',
    tostring(tid or 0), run, n, 1950 + math.floor(day / 336), 1 + math.floor(day / 28) % 12, 1 + day % 28)
  return wrk.format("POST", "/api/v1/beneficiaries", headers, body)
end

done = common.done
