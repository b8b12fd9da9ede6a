-- Benchmark: 1M string-keyed map updates over 1000 keys; same as mapstr.csp.
local m = {}
for i = 0, 1000000 - 1 do
  local k = "key" .. tostring((i * 7919) % 1000)
  m[k] = (m[k] or 0) + i % 13
end
local n, sum = 0, 0
for k, v in pairs(m) do
  n = n + 1
  sum = sum + v * #k
end
print(n .. " " .. sum)
