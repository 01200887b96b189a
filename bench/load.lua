-- wrk script of the benchmark (bench/benchmark.py sets the environment; see README "Benchmarks").
--
-- BENCH_MODE=mix: the realistic mix, one request in four each of
--   PUT  {prefix}/users/{u}/notification/user/{u}         setNotificationSetting (app level)
--   GET  {prefix}/users/{u}/notification/user/{u}         getNotificationSetting
--   PUT  {prefix}/metadata/chatroom/{room}/user/{u}       setChatroomAttributes (u owns room)
--   POST {prefix}/metadata/chatroom/{room}                getChatroomAttributes (two keys)
-- with u = BENCH_USER_PREFIX .. i and room = BENCH_ROOM_BASE + i for a random i below
-- BENCH_POPULATION: the naming of seed.bulk_seed, where room i is owned by user i.
-- BENCH_MODE=get: GET {prefix}/users/alice/notification/user/alice only (what Prism mock can do).
-- BENCH_THINK_MS (default 0, closed loop at full speed): paced load. After each response a
-- connection waits an exponentially distributed time of this mean, so the connections drift out
-- of step and their requests together arrive close to a Poisson stream of rate
-- connections / (think + latency): a fixed offered load, not the server's saturation.
--
-- done() prints one JSON line with the counts and the latency percentiles in microseconds.

local mode = os.getenv("BENCH_MODE") or "mix"
local prefix = os.getenv("BENCH_PATH_PREFIX") or ""
local user_prefix = os.getenv("BENCH_USER_PREFIX") or "bench"
local room_base = tonumber(os.getenv("BENCH_ROOM_BASE") or "900000000000000")
local population = tonumber(os.getenv("BENCH_POPULATION") or "1")
local token = os.getenv("BENCH_TOKEN") or "bench"

local auth = { ["Authorization"] = "Bearer " .. token }
local json_auth = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local push_body = '{"type":"NONE","ignoreInterval":"21:30-08:00","ignoreDuration":86400000}'
local attributes_body = '{"metaData":{"topic":"green tea","mood":"calm"},"autoDelete":"DELETE"}'
local keys_body = '{"keys":["topic","mood"]}'
local counter = 0
local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0")

if think_ms > 0 then
    function delay()
        return math.floor(-think_ms * math.log(1 - math.random()) + 0.5)
    end
end

function setup(thread)
    -- Fixed seed: every run draws the same sequence of users and rooms.
    math.randomseed(42)
end

function request()
    if mode == "get" then
        return wrk.format("GET", prefix .. "/users/alice/notification/user/alice", auth)
    end
    counter = counter + 1
    local i = math.random(0, population - 1)
    local user = user_prefix .. i
    local room = string.format("%.0f", room_base + i)
    local kind = counter % 4
    if kind == 0 then
        return wrk.format("PUT", prefix .. "/users/" .. user .. "/notification/user/" .. user,
            json_auth, push_body)
    elseif kind == 1 then
        return wrk.format("GET", prefix .. "/users/" .. user .. "/notification/user/" .. user,
            auth)
    elseif kind == 2 then
        return wrk.format("PUT", prefix .. "/metadata/chatroom/" .. room .. "/user/" .. user,
            json_auth, attributes_body)
    end
    return wrk.format("POST", prefix .. "/metadata/chatroom/" .. room, json_auth, keys_body)
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests":%d,"duration_us":%d,"non_2xx":%d,"socket_errors":%d,'
            .. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
        summary.requests, summary.duration, errors.status,
        errors.connect + errors.read + errors.write + errors.timeout,
        latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max, latency.mean))
end
