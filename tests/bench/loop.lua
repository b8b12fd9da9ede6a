-- Benchmark: 100M-iteration integer loop with % and ~ (xor); same as loop.csp.
local s = 0
for i = 0, 100000000 - 1 do
  s = (s ~ i) % 1000003 + i % 7
end
print(s)
