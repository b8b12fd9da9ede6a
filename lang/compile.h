/*
 * compile.h — the bytecode compiler's public API: a checked Program in, a
 * CProgram (runtime/vm.h) out; and the disassembler behind `csp disasm`.
 */
#ifndef CSP_COMPILE_H
#define CSP_COMPILE_H

#include <stdio.h>

#include "../runtime/vm.h"
#include "check.h"
#include "diag.h"

/* Compiles every package of prog (already checked, dependencies first, main
 * last). Reports problems (unsupported features, missing natives) to d and
 * returns NULL if there were any. */
CProgram *comp_program(Program *prog, Diag *d);

/* csp disasm: every function with its constants, instructions, operands
 * and source lines (disasm.c). */
void disasm_program(CProgram *p, FILE *out);
void disasm_proto(Proto *p, FILE *out);

/* Opcode names and operand formats, generated from lang/opcodes.h. */
extern const char *const op_names[OP_NOPCODES];
extern const char *const op_formats[OP_NOPCODES];

#endif
