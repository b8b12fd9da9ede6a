#!/bin/sh
# cppcheck over the runtime, stdlib natives and front end, in the VM's
# plain-switch configuration (it cannot parse computed goto). Exits non-zero
# on any finding. _Noreturn is spelled as an attribute cppcheck understands.
cd "$(dirname "$0")/.."
cppcheck -q -j2 --std=c11 --error-exitcode=1 --inline-suppr \
    --enable=warning,portability --suppress=missingIncludeSystem \
    -D_GNU_SOURCE -DCSP_NO_COMPUTED_GOTO -UCSP_TEST_BUILD -UCSP_DEBUG \
    '-D_Noreturn=__attribute__((noreturn))' -D__GNUC__ \
    -I runtime -I lang -I stdlib runtime lang stdlib
