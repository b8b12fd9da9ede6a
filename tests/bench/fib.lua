-- Benchmark: recursive function calls; same work as fib.csp.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
print(fib(35))
