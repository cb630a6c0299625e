-- wrk script of bench/cv-serve.sh: cycles through the users' paths, so that the measurement is not one CV served from
-- one warm cache entry, and prints one machine-readable result line at the end.
--   wrk ... -s bench/cv-serve.lua URL -- PATTERN USERS
-- PATTERN is a path with %s for the login (/cv/%s/card.svg); USERS 0 means PATTERN is a fixed path (a static file).

local threads = 0

function setup(thread)
  -- each thread starts at another user, so the threads do not ask for the same CV at the same moment
  thread:set("first", threads * 7)
  threads = threads + 1
end

local pattern, users, i

function init(args)
  pattern = args[1]
  users = tonumber(args[2] or "0")
  i = first or 0
end

function request()
  if users == 0 then
    return wrk.format("GET", pattern)
  end
  i = i + 1
  return wrk.format("GET", string.format(pattern, string.format("user%03d", (i % users) + 1)))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d seconds=%.3f bytes=%d errors=%d non2xx=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.bytes,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
