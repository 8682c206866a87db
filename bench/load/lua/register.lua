-- POST /api/v1/beneficiaries with a unique name and a varied birth date per request (common.registration).
-- ACK_FILE=path: each 201's id is appended to path.<tid>, and a per-second status timeline to path.timeline.<tid>;
-- only then is response() defined.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(here .. "common.lua")
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or ""), ["Content-Type"] = "application/json" }
local run = os.getenv("RUN_TAG") or tostring(os.time())

setup = common.setup

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
  local body = common.registration("W", run, tid or 0, n, true)
  return wrk.format("POST", "/api/v1/beneficiaries", headers, body)
end

done = common.done
